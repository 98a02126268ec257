/* cf-deadlines-view.h — every open Article 14 report of every product, soonest first
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_DEADLINES_VIEW (cf_deadlines_view_get_type ())

G_DECLARE_FINAL_TYPE (CfDeadlinesView, cf_deadlines_view, CF, DEADLINES_VIEW, AdwBin)

GtkWidget *cf_deadlines_view_new           (CfContext       *context);
guint      cf_deadlines_view_get_n_open    (CfDeadlinesView *self);
guint      cf_deadlines_view_get_n_overdue (CfDeadlinesView *self);

G_END_DECLS
