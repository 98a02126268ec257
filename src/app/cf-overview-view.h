/* cf-overview-view.h — a product's risk heat map and readiness at a glance
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_OVERVIEW_VIEW (cf_overview_view_get_type ())

G_DECLARE_FINAL_TYPE (CfOverviewView, cf_overview_view, CF, OVERVIEW_VIEW, AdwBin)

GtkWidget *cf_overview_view_new            (CfContext      *context);
gint64     cf_overview_view_get_product_id (CfOverviewView *self);
void       cf_overview_view_set_product_id (CfOverviewView *self,
                                            gint64          product_id);

G_END_DECLS
