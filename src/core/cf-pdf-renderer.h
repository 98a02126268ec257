/* cf-pdf-renderer.h — lays out a CfDocModel on A4 pages with libharu
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cf-doc-model.h"

G_BEGIN_DECLS

GBytes *cf_pdf_render (CfDocModel    *model,
                       GCancellable  *cancellable,
                       GError       **error);

G_END_DECLS
