/* cf-evidence-list.h — the evidence of a product, of one requirement or of one threat
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_EVIDENCE_LIST (cf_evidence_list_get_type ())

G_DECLARE_FINAL_TYPE (CfEvidenceList, cf_evidence_list, CF, EVIDENCE_LIST, AdwPreferencesGroup)

GtkWidget  *cf_evidence_list_new             (CfContext      *context);
gint64      cf_evidence_list_get_product_id  (CfEvidenceList *self);
void        cf_evidence_list_set_product_id  (CfEvidenceList *self,
                                              gint64          product_id);
const char *cf_evidence_list_get_requirement (CfEvidenceList *self);
void        cf_evidence_list_set_requirement (CfEvidenceList *self,
                                              const char     *requirement);
gint        cf_evidence_list_get_threat      (CfEvidenceList *self);
void        cf_evidence_list_set_threat      (CfEvidenceList *self,
                                              gint            number);
gboolean    cf_evidence_list_get_show_links  (CfEvidenceList *self);
void        cf_evidence_list_set_show_links  (CfEvidenceList *self,
                                              gboolean        show_links);
GListModel *cf_evidence_list_get_items       (CfEvidenceList *self);
void        cf_evidence_list_attach_files    (CfEvidenceList *self,
                                              GSList         *files);
guint       cf_evidence_list_get_n_copies    (CfEvidenceList *self);
guint       cf_evidence_list_count_all_copies (void);
void        cf_evidence_list_remove_opened_copies (void);
gboolean    cf_evidence_list_select          (CfEvidenceList *self,
                                              gint64          evidence_id);

G_END_DECLS
