/*
 * libtrustassess: the NHS Oversight Framework's published rules as a C library.
 *
 * The umbrella header: include this one, or a module header under
 * trustassess/. Every function is documented where its module declares it.
 *
 *   trustassess/common.h      status codes, allocator, dates, version
 *   trustassess/framework.h   methodologies as data (presets, builder, CSV)
 *   trustassess/trust.h       a trust's evidence for one period
 *   trustassess/assessment.h  segmentation and league tables
 *   trustassess/rules.h       the segmentation rules as pure functions (spreadsheets)
 *   trustassess/nhse.h        NHS England's published files
 *   trustassess/verify.h      checking published figures against the rules
 *   trustassess/analysis.h    likely ranges (bootstrap) and what-if
 *   trustassess/date.h        civil dates (no time, no time zone)
 *   trustassess/review.h      working days, five-yearly review schedule, panel calendar
 *   trustassess/register.h    the status register: AFT events, status on a date
 *   trustassess/money.h       money as integer pence: parsing and formatting
 *   trustassess/capital.h     capital investment routes (the £100m rule) and approvals
 *   trustassess/eligibility.h the advanced foundation trust and IHO eligibility screen
 */
#ifndef TRUSTASSESS_H
#define TRUSTASSESS_H

#include "trustassess/common.h"
#include "trustassess/framework.h"
#include "trustassess/trust.h"
#include "trustassess/assessment.h"
#include "trustassess/rules.h"
#include "trustassess/nhse.h"
#include "trustassess/league.h"
#include "trustassess/verify.h"
#include "trustassess/analysis.h"
#include "trustassess/date.h"
#include "trustassess/review.h"
#include "trustassess/register.h"
#include "trustassess/money.h"
#include "trustassess/capital.h"
#include "trustassess/eligibility.h"

#endif /* TRUSTASSESS_H */
