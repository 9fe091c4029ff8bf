"""The UNO component of the libtrustassess Calc add-in (Python).

LibreOffice loads this file (META-INF/manifest.xml: uno-component;type=Python)
with the extension's pythonpath/ on sys.path, which holds the trustassess
package, libtrustassess.so.1 beside it, and trustassess_calc.py, where the
cell functions live. This file only adapts UNO to them: it implements the
interface of idl/XTrustAssess.idl, passes Calc's values on unchanged, and
turns a refusal (the library's error, or a conversion error) into
IllegalArgumentException, which Calc shows as Err:502 in the cell.
TA.ERRORTEXT returns the same message as text.

trustassess_calc (and with it the library) is imported on first use, not
when LibreOffice registers the component: a library that cannot be loaded
then shows as an error in each cell, with TA.ERRORTEXT saying why, instead of
the functions silently missing from Calc.
"""

import datetime

import unohelper
from com.sun.star.lang import IllegalArgumentException, XServiceInfo, XServiceName
from org.libtrustassess.calc import XTrustAssess

IMPLEMENTATION = "org.libtrustassess.calc.TrustAssess"
SERVICES = ("com.sun.star.sheet.AddIn",)


def _calc():
    import trustassess_calc

    return trustassess_calc


def _null_date(document):
    """The document's null date (day 0 of its date serials)."""
    try:
        d = document.getPropertyValue("NullDate")
        return datetime.date(d.Year, d.Month, d.Day)
    except Exception:  # no document properties (a call from outside a sheet)
        return datetime.date(1899, 12, 30)


class TrustAssess(unohelper.Base, XTrustAssess, XServiceName, XServiceInfo):
    def __init__(self, ctx):
        self.ctx = ctx

    def _run(self, name, args, null_date=None):
        try:
            calc = _calc()
        except ImportError as exc:  # the library could not be loaded
            raise IllegalArgumentException(str(exc), self, 0)
        try:
            if null_date is None:
                return calc.call(name, args)
            return calc.call(name, args, null_date)
        except calc.REFUSALS as exc:
            raise IllegalArgumentException(str(exc), self, 0)

    # -- XTrustAssess ---------------------------------------------------------

    def metricScore(self, value, peers, direction):
        return self._run("METRICSCORE", (value, peers, direction))

    def bandScore(self, value, cuts, direction):
        return self._run("BANDSCORE", (value, cuts, direction))

    def averageScore(self, scores, decimals):
        return self._run("AVERAGESCORE", (scores, decimals))

    def segment(self, average, cutoffs, deficit, rsp):
        return self._run("SEGMENT", (average, cutoffs, deficit, rsp))

    def rank(self, segment, average, segments, averages):
        return self._run("RANK", (segment, average, segments, averages))

    def capitalRoute(self, amount, status, savings):
        return self._run("CAPITALROUTE", (amount, status, savings))

    def reviewDue(self, document, authorisedOn, lastReview):
        return self._run("REVIEWDUE", (authorisedOn, lastReview), _null_date(document))

    def errorText(self, document, function, arguments):
        try:
            calc = _calc()
        except ImportError as exc:
            return str(exc)
        return calc.error_text(function, tuple(arguments), _null_date(document))

    # -- XServiceName, XServiceInfo -------------------------------------------

    def getServiceName(self):
        return IMPLEMENTATION

    def getImplementationName(self):
        return IMPLEMENTATION

    def supportsService(self, name):
        return name in SERVICES

    def getSupportedServiceNames(self):
        return SERVICES


g_ImplementationHelper = unohelper.ImplementationHelper()
g_ImplementationHelper.addImplementation(TrustAssess, IMPLEMENTATION, SERVICES)
