#!/usr/bin/python3
"""Round-trips the library's iCalendar export through an independent parser
(Debian's python3-icalendar) and checks the expected events; exits non-zero
on any mismatch.

Runs the built tests/review/write_ics program, parses its output with icalendar.Calendar.from_ical, and checks the
octet-level rules the parser forgives: CRLF line ends, no physical line over
75 octets, no UTF-8 sequence split by a fold.

Usage: check_ics.py WRITE_ICS   (CTest passes the built program)
"""
import datetime
import os
import subprocess
import sys

import icalendar

D = datetime.date

# uid -> (sitting, summary, text the description must contain). Sittings are
# every working day from today, in order of due date, then trust code.
EXPECTED = {
    # Segment 3 then 4 for two quarters: due 30 Sep 2027 + 90 days; today is 1 Oct 2027.
    "review-RWX-20271229@libtrustassess":
        (D(2027, 10, 1), "AFT review: Plain Trust (RWX)", "Review due on 2027-12-29."),
    "review-RNL-20311224@libtrustassess":
        (D(2027, 10, 5), "AFT review: Two\nlines (RNL)", "Review due on 2031-12-24."),
    "review-RUTF-20311224@libtrustassess":
        (D(2027, 10, 6), "AFT review: Ysbyty \u00e9\u00e9\u00e9 Gwynedd \u2014 a name long "
         "enough to fold over seventy-five octets \U0001F3E5 (RUTF)", "2031-12-24"),
    "review-RCOM-20310401@libtrustassess":
        (D(2027, 10, 4), "AFT review: Commas, semicolons; and \\ backslash (RCOM)",
         "Review due on 2031-04-01."),
}


def main():
    raw = subprocess.run([os.path.abspath(sys.argv[1])], check=True, capture_output=True).stdout
    errors = []
    if not raw.endswith(b"\r\n") or b"\n" in raw.replace(b"\r\n", b""):
        errors.append("lines do not all end in CRLF")
    for number, line in enumerate(raw.split(b"\r\n")[:-1], 1):
        if len(line) > 75:
            errors.append("line %d has %d octets" % (number, len(line)))
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            errors.append("line %d splits a UTF-8 sequence" % number)
    cal = icalendar.Calendar.from_ical(raw)
    if str(cal.get("VERSION")) != "2.0" or not cal.get("PRODID"):
        errors.append("VCALENDAR lacks VERSION:2.0 or PRODID")
    events = cal.walk("VEVENT")
    if len(events) != len(EXPECTED):
        errors.append("%d events, expected %d" % (len(events), len(EXPECTED)))
    for ev in events:
        uid = str(ev.get("UID"))
        if uid not in EXPECTED:
            errors.append("unexpected UID %r" % uid)
            continue
        sitting, summary, description = EXPECTED[uid]
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        if type(start) is not datetime.date or start != sitting:
            errors.append("%s: DTSTART %r, expected the all-day date %s" % (uid, start, sitting))
        if type(end) is not datetime.date or end != sitting + datetime.timedelta(days=1):
            errors.append("%s: DTEND %r is not the next day" % (uid, end))
        if ev.decoded("DTSTAMP") != datetime.datetime(2027, 10, 1, tzinfo=datetime.timezone.utc):
            errors.append("%s: DTSTAMP %r" % (uid, ev.decoded("DTSTAMP")))
        if str(ev.get("SUMMARY")) != summary:
            errors.append("%s: SUMMARY %r, expected %r" % (uid, str(ev.get("SUMMARY")), summary))
        if description not in str(ev.get("DESCRIPTION")):
            errors.append("%s: DESCRIPTION %r lacks %r" % (uid, str(ev.get("DESCRIPTION")),
                                                           description))
    for e in errors:
        print(e)
    print("checked %d events, %d mismatches" % (len(events), len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
