/* cf-review.h — a notified body's review of a dossier: opening it,
 * recording findings on what it holds, and sending them back
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cf-assessment-xml.h"
#include "cf-dossier.h"
#include "cf-findings-file.h"
#include "cf-store.h"

G_BEGIN_DECLS

gint64          cf_review_open_dossier   (CfStore          *store,
                                          GFile            *dossier,
                                          const char       *expected_seal,
                                          CfProgressFunc    progress,
                                          gpointer          progress_data,
                                          gboolean         *existed,
                                          GCancellable     *cancellable,
                                          GError          **error);
gint64          cf_review_resolve        (CfStore          *store,
                                          gint64            review_id,
                                          GError          **error);
CfAssessmentData *cf_review_load_assessment (CfReview      *review,
                                          GError          **error);
GPtrArray      *cf_review_list_members   (CfReview         *review,
                                          const char       *prefix,
                                          GError          **error);
gboolean        cf_review_check_finding  (CfReview         *review,
                                          CfCatalogue      *catalogue,
                                          const CfFinding  *finding,
                                          GError          **error);
gint            cf_review_add_finding    (CfStore          *store,
                                          CfCatalogue      *catalogue,
                                          gint64            review_id,
                                          CfFinding        *finding,
                                          GError          **error);
CfFindingsFile *cf_review_build_findings (CfStore          *store,
                                          gint64            review_id,
                                          GError          **error);

G_END_DECLS
