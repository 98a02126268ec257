/* cf-locale-dir.h — where the program's translations are
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *cf_locale_dir           (void);
char       *cf_locale_dir_for_program (const char *program_path);

G_END_DECLS
