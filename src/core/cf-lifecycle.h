/* cf-lifecycle.h — the dates that follow from placing a product on the market
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-catalogue.h"
#include "cf-product.h"

G_BEGIN_DECLS

typedef struct
{
  char     *id;        /* catalogue id, e.g. "Date.reporting" */
  char     *label;
  GDate    *date;
  char     *ref;
  gboolean  passed;    /* on or before today */
} CfKeyDate;

typedef struct
{
  GPtrArray *key_dates;                  /* of CfKeyDate, by date */
  GDate     *placed_on_market;           /* nullable */
  GDate     *support_end;                /* nullable */
  int        support_months;             /* -1 when not both dates are known */
  int        minimum_support_years;      /* Article 13(8), from the catalogue */
  int        retention_years;            /* Article 13(13), from the catalogue */
  gboolean   support_shorter_than_minimum;
  gboolean   support_needs_rationale;    /* shorter, and not explained */
  gboolean   support_ends_before_placing;
  gboolean   placed_before_application;  /* Article 69(2) */
  GDate     *retention_until;            /* nullable */
  char      *end_of_support_label;       /* "December 2031", nullable */
} CfLifecycle;

void         cf_lifecycle_free    (CfLifecycle *lifecycle);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfLifecycle, cf_lifecycle_free)

CfLifecycle *cf_lifecycle_compute (CfCatalogue *catalogue,
                                   CfProduct   *product,
                                   const GDate *today);
char        *cf_date_to_iso       (const GDate *date);

G_END_DECLS
