/* cf-evidence-view.h — all the evidence of a product, what each item supports, and its verification
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"
#include "cf-evidence-list.h"

G_BEGIN_DECLS

#define CF_TYPE_EVIDENCE_VIEW (cf_evidence_view_get_type ())

G_DECLARE_FINAL_TYPE (CfEvidenceView, cf_evidence_view, CF, EVIDENCE_VIEW, AdwBin)

GtkWidget      *cf_evidence_view_new            (CfContext      *context);
gint64          cf_evidence_view_get_product_id (CfEvidenceView *self);
void            cf_evidence_view_set_product_id (CfEvidenceView *self,
                                                 gint64          product_id);
CfEvidenceList *cf_evidence_view_get_list       (CfEvidenceView *self);
gboolean        cf_evidence_view_select         (CfEvidenceView *self,
                                                 gint64          evidence_id);
void            cf_evidence_view_verify         (CfEvidenceView *self);
gboolean        cf_evidence_view_get_verifying  (CfEvidenceView *self);

G_END_DECLS
