/* cf-fonts.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-fonts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-fonts.h"

/* DejaVu covers Latin, Greek and Cyrillic, so every official EU language
 * renders. Debian installs it with fonts-dejavu-core; other distributions
 * put it elsewhere, and $CONFORMITY_FONT_DIR overrides them all. */
static const char * const font_dirs[] = {
  "/usr/share/fonts/truetype/dejavu",
  "/usr/share/fonts/dejavu",
  "/usr/share/fonts/TTF",
  "/usr/local/share/fonts/dejavu",
};

/**
 * cf_fonts_find:
 * @file_name: e.g. "DejaVuSans.ttf"
 *
 * Returns: (transfer full): the font's path, or %NULL with %CF_ERROR_FONT
 *   telling where it was looked for and which package provides it
 */
char *
cf_fonts_find (const char  *file_name,
               GError     **error)
{
  g_autoptr(GString) searched = g_string_new (NULL);
  const char *override = g_getenv ("CONFORMITY_FONT_DIR");

  if (override != NULL && *override != '\0')
    {
      g_autofree char *path = g_build_filename (override, file_name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
      g_string_append (searched, override);
    }

  for (guint i = 0; i < G_N_ELEMENTS (font_dirs); i++)
    {
      g_autofree char *path = g_build_filename (font_dirs[i], file_name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);

      if (searched->len > 0)
        g_string_append (searched, ", ");
      g_string_append (searched, font_dirs[i]);
    }

  g_set_error (error, CF_ERROR, CF_ERROR_FONT,
               _("The font %s, which PDFs embed, was not found in %s. Install the package "
                 "fonts-dejavu-core, or set CONFORMITY_FONT_DIR to the folder holding it."),
               file_name, searched->str);
  return NULL;
}
