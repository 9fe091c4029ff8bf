#!/usr/bin/python3
"""Checks every bank holiday of England and Wales from 2000 to 2040 that
libtrustassess computes against independent sources, and exits non-zero on
any mismatch.

  Easter Sunday            `ncal -e YEAR` (Debian package ncal)
  the rule-based days      python3-holidays 0.10.1 (Debian package python3-holidays)
  2002, 2022, 2023 edits   the dates GOV.UK published, written below, because
                           python3-holidays 0.10.1 lacks those proclamations

python3-holidays lists a holiday that falls on a weekend on its weekend date
and again as "<name> (Observed)" on the substitute day; GOV.UK (and the
library) list only the day off, so weekend dates are dropped before comparing.

Usage: check_holidays.py LIST_HOLIDAYS   (the built tests/review/list_holidays
program; CTest passes it).
"""
import datetime
import os
import subprocess
import sys

import holidays

FIRST, LAST = 2000, 2040

# GOV.UK's published changes that python3-holidays 0.10.1 does not know.
GOVUK_REMOVED = {"2002-05-27", "2022-05-30"}  # spring bank holidays moved by proclamation
GOVUK_ADDED = {
    "2002-06-04": "Spring bank holiday",
    "2022-06-02": "Spring bank holiday",
    "2022-06-03": "Platinum Jubilee bank holiday",
    "2022-09-19": "Bank Holiday for the State Funeral of Queen Elizabeth II",
    "2023-05-08": "Bank holiday for the coronation of King Charles III",
}
# python3-holidays names -> the library's (GOV.UK's) names.
NAMES = {
    "New Year's Day": "New Year's Day",
    "Good Friday": "Good Friday",
    "Easter Monday": "Easter Monday",
    "May Day": "Early May bank holiday",
    "Spring Bank Holiday": "Spring bank holiday",
    "Late Summer Bank Holiday": "Summer bank holiday",
    "Christmas Day": "Christmas Day",
    "Boxing Day": "Boxing Day",
}


def library_list(exe):
    out = subprocess.run([exe, str(FIRST), str(LAST)], check=True, capture_output=True,
                         text=True).stdout
    days, easter = {}, {}
    for line in out.splitlines():
        date, name = line.split(",", 1)
        if name == "Easter Sunday (derived)":
            easter[int(date[:4])] = date
        else:
            days[date] = name
    return days, easter


def ncal_easter(year):
    out = subprocess.run(["ncal", "-e", str(year)], check=True, capture_output=True, text=True,
                         env={"LC_ALL": "C", "PATH": os.environ.get("PATH", "/usr/bin:/bin")})
    month, day, _ = out.stdout.strip().split("/")
    return "%04d-%02d-%02d" % (year, int(month), int(day))


def reference_list():
    ref = {}
    for date, name in holidays.England(years=range(FIRST, LAST + 1)).items():
        if date.weekday() >= 5:
            continue
        ref[date.isoformat()] = name
    for date in GOVUK_REMOVED:
        del ref[date]
    ref.update(GOVUK_ADDED)
    return ref


def main():
    days, easter = library_list(os.path.abspath(sys.argv[1]))
    ref = reference_list()
    errors = []
    for year in range(FIRST, LAST + 1):
        expected = ncal_easter(year)
        if easter.get(year) != expected:
            errors.append("Easter %d: library %s, ncal %s" % (year, easter.get(year), expected))
    for date in sorted(set(days) | set(ref)):
        if date not in days:
            errors.append("%s (%s) missing from the library" % (date, ref[date]))
        elif date not in ref:
            errors.append("%s (%s) is not a reference holiday" % (date, days[date]))
        else:
            observed = ref[date].endswith(" (Observed)")
            base = ref[date][:-len(" (Observed)")] if observed else ref[date]
            if base in NAMES:
                want = NAMES[base] + (" (substitute day)" if observed else "")
                # The 1995 and 2020 early May moves keep python's "May Day".
                if days[date] != want and not days[date].startswith(want):
                    errors.append("%s: library names it %r, reference %r" % (date, days[date],
                                                                            ref[date]))
    for e in errors:
        print(e)
    print("checked %d holidays and %d Easter dates, %d mismatches"
          % (len(ref), LAST - FIRST + 1, len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
