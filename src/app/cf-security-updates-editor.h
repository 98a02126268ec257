/* cf-security-updates-editor.h — the form for a new security update and the cases it fixes
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_SECURITY_UPDATES_EDITOR (cf_security_updates_editor_get_type ())

G_DECLARE_FINAL_TYPE (CfSecurityUpdatesEditor, cf_security_updates_editor, CF, SECURITY_UPDATES_EDITOR,
                      AdwWindow)

CfSecurityUpdatesEditor *cf_security_updates_editor_new       (GtkWindow               *parent,
                                                               CfContext               *context,
                                                               gint64                   product_id);
gboolean                 cf_security_updates_editor_save      (CfSecurityUpdatesEditor *self);
const char              *cf_security_updates_editor_get_error (CfSecurityUpdatesEditor *self);

G_END_DECLS
