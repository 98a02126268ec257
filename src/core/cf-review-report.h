/* cf-review-report.h — the review report a notified body signs
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cf-catalogue.h"
#include "cf-doc-model.h"
#include "cf-store.h"

G_BEGIN_DECLS

CfDocModel *cf_review_report_build  (CfStore       *store,
                                     CfCatalogue   *catalogue,
                                     gint64         review_id,
                                     GError       **error);
GBytes     *cf_review_report_render (CfStore       *store,
                                     CfCatalogue   *catalogue,
                                     gint64         review_id,
                                     GCancellable  *cancellable,
                                     GError       **error);

G_END_DECLS
