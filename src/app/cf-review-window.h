/* cf-review-window.h — a notified body's review of a dossier, read-only,
 * in a window of its own
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_REVIEW_WINDOW (cf_review_window_get_type ())

G_DECLARE_FINAL_TYPE (CfReviewWindow, cf_review_window, CF, REVIEW_WINDOW, AdwWindow)

CfReviewWindow *cf_review_window_new             (GtkWindow      *parent,
                                                  CfContext      *context,
                                                  GFile          *dossier);
gint64          cf_review_window_get_review_id   (CfReviewWindow *self);
void            cf_review_window_save_report     (CfReviewWindow *self,
                                                  GFile          *file);
void            cf_review_window_export_findings (CfReviewWindow *self,
                                                  GFile          *file);

G_END_DECLS
