/* cf-fonts.h — finding the TrueType fonts embedded in PDFs
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cf_fonts_find (const char  *file_name,
                     GError     **error);

G_END_DECLS
