/* testutil.h — shared helpers for the cmocka unit tests. */
#ifndef SEQTUTOR_TESTUTIL_H
#define SEQTUTOR_TESTUTIL_H

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

/* Fails with both values printed when |actual - expected| > tol. */
#define assert_close(actual, expected, tol)                                                    \
    do {                                                                                       \
        double a_ = (actual), e_ = (expected);                                                 \
        if (!(fabs(a_ - e_) <= (tol))) {                                                       \
            print_error("%s = %.17g, expected %.17g (tolerance %g)\n", #actual, a_, e_,         \
                        (double)(tol));                                                        \
            fail();                                                                            \
        }                                                                                      \
    } while (0)

#endif
