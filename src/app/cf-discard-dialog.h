/* cf-discard-dialog.h — "Discard changes?", asked before unsaved input is lost
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void cf_discard_dialog_present (GtkWindow *parent,
                                GCallback  discard);

G_END_DECLS
