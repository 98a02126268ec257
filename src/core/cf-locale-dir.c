/* cf-locale-dir.c — where the program's translations are
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cf-locale-dir.h"

/* Whether @dir holds a translation of ours: a system folder such as
 * /usr/share/locale is no sign on its own. */
static gboolean
has_translations (const char *dir)
{
  g_autoptr(GDir) languages = g_dir_open (dir, 0, NULL);
  const char *language;

  while (languages != NULL && (language = g_dir_read_name (languages)) != NULL)
    {
      g_autofree char *mo = g_strconcat (GETTEXT_PACKAGE, ".mo", NULL);
      g_autofree char *path = g_build_filename (dir, language, "LC_MESSAGES", mo, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }
  return FALSE;
}

/**
 * cf_locale_dir_for_program:
 * @program_path: (nullable): the absolute path of the running program
 *
 * The translations of an installation moved away from its prefix (into a
 * DESTDIR, say, or an unpacked archive) are where the installation put
 * them relative to the program, LOCALEDIR_FROM_BINDIR; a program in the
 * build tree, or anywhere without translations beside it, uses LOCALEDIR.
 *
 * Returns: (transfer full): the folder to bind the text domain to
 */
char *
cf_locale_dir_for_program (const char *program_path)
{
  g_autofree char *bindir = NULL;
  g_autofree char *relocated = NULL;
  g_autofree char *canonical = NULL;

  if (program_path == NULL || !g_path_is_absolute (program_path) || *LOCALEDIR_FROM_BINDIR == '\0')
    return g_strdup (LOCALEDIR);

  bindir = g_path_get_dirname (program_path);
  relocated = g_build_filename (bindir, LOCALEDIR_FROM_BINDIR, NULL);
  canonical = g_canonicalize_filename (relocated, NULL);
  /* Installed where it was configured for: nothing to look for. */
  if (g_str_equal (canonical, LOCALEDIR) || !has_translations (canonical))
    return g_strdup (LOCALEDIR);

  return g_steal_pointer (&canonical);
}

/**
 * cf_locale_dir:
 *
 * Returns: (transfer none): cf_locale_dir_for_program() for this process
 */
const char *
cf_locale_dir (void)
{
  static gsize dir = 0;

  if (g_once_init_enter (&dir))
    {
      g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);

      g_once_init_leave (&dir, (gsize) cf_locale_dir_for_program (program));
    }
  return (const char *) dir;
}
