/* cf-threat-editor.h — the form for one threat of the risk register
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_THREAT_EDITOR (cf_threat_editor_get_type ())

G_DECLARE_FINAL_TYPE (CfThreatEditor, cf_threat_editor, CF, THREAT_EDITOR, AdwWindow)

CfThreatEditor *cf_threat_editor_new             (GtkWindow      *parent,
                                                  CfContext      *context,
                                                  gint64          product_id,
                                                  CfThreat       *threat);
GtkWidget      *cf_threat_editor_get_save_button (CfThreatEditor *self);
const char     *cf_threat_editor_get_error       (CfThreatEditor *self);
gboolean        cf_threat_editor_save            (CfThreatEditor *self);
gboolean        cf_threat_editor_get_dirty       (CfThreatEditor *self);

G_END_DECLS
