/* cf-evidence-editor.h — the form for one evidence item: its title, kind, validity and links
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_EVIDENCE_EDITOR (cf_evidence_editor_get_type ())

G_DECLARE_FINAL_TYPE (CfEvidenceEditor, cf_evidence_editor, CF, EVIDENCE_EDITOR, AdwWindow)

CfEvidenceEditor *cf_evidence_editor_new             (GtkWindow        *parent,
                                                      CfContext        *context,
                                                      CfEvidence       *evidence);
GtkWidget        *cf_evidence_editor_get_save_button (CfEvidenceEditor *self);
const char       *cf_evidence_editor_get_error       (CfEvidenceEditor *self);
gboolean          cf_evidence_editor_save            (CfEvidenceEditor *self);
gboolean          cf_evidence_editor_get_dirty       (CfEvidenceEditor *self);

G_END_DECLS
