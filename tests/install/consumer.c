/*
 * A program that uses libtrustassess the way an outside project would: only
 * the installed <trustassess.h>, linked against the installed library.
 *
 * tests/install/run.sh builds it with pkg-config and with find_package, and
 * runs it. It checks that the library found at run time is the one the headers
 * describe (ta_version() == TA_VERSION_NUMBER) and that a call really reaches
 * library code (a status text), and exits non-zero otherwise.
 */
#include <stdio.h>
#include <string.h>

#include <trustassess.h>

int main(void)
{
    const char *text = ta_strerror(TA_EINVAL);

    if (ta_version() != TA_VERSION_NUMBER) {
        fprintf(stderr, "consumer: ta_version() is %d, headers say %d\n", ta_version(),
                TA_VERSION_NUMBER);
        return 1;
    }
    if (strcmp(ta_version_string(), TA_VERSION_STRING) != 0) {
        fprintf(stderr, "consumer: ta_version_string() is \"%s\", headers say \"%s\"\n",
                ta_version_string(), TA_VERSION_STRING);
        return 1;
    }
    if (text == NULL || strcmp(text, "invalid argument") != 0) {
        fprintf(stderr, "consumer: ta_strerror(TA_EINVAL) is \"%s\"\n", text ? text : "(null)");
        return 1;
    }
    printf("consumer: libtrustassess %s OK\n", ta_version_string());
    return 0;
}
