/* test-locale-dir.c — the programs find their translations where they
 * were installed, also when the installation has moved
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "cf-locale-dir.h"
#include "test-files.h"

typedef struct
{
  char *root;     /* an installation moved away from its prefix */
  char *program;  /* ROOT/bin/conformity-cli */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bindir = NULL;

  f->root = g_dir_make_tmp ("cf-locale-dir-XXXXXX", &error);
  g_assert_no_error (error);
  bindir = g_build_filename (f->root, "bin", NULL);
  g_assert_cmpint (g_mkdir (bindir, 0700), ==, 0);
  f->program = g_build_filename (bindir, "conformity-cli", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_remove_tree (f->root);
  g_free (f->root);
  g_free (f->program);
}

static char *
add_translation (Fixture    *f,
                 const char *language,
                 const char *domain)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *locale = g_build_filename (f->root, LOCALEDIR_FROM_BINDIR + 3, NULL);
  g_autofree char *messages = g_build_filename (locale, language, "LC_MESSAGES", NULL);
  g_autofree char *mo_name = g_strconcat (domain, ".mo", NULL);
  g_autofree char *mo = g_build_filename (messages, mo_name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  g_file_set_contents (mo, "", 0, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&locale);
}

/* Installed as configured, or run from the build tree: LOCALEDIR. */
static void
test_not_moved (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = cf_locale_dir_for_program (f->program);

  g_assert_cmpstr (dir, ==, LOCALEDIR);
  g_free (g_steal_pointer (&dir));
  dir = cf_locale_dir_for_program (NULL);
  g_assert_cmpstr (dir, ==, LOCALEDIR);
  g_free (g_steal_pointer (&dir));
  dir = cf_locale_dir_for_program ("bin/conformity-cli");
  g_assert_cmpstr (dir, ==, LOCALEDIR);
}

/* Moved with its translations: the ones beside it. */
static void
test_moved (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *expected = add_translation (f, "fr", GETTEXT_PACKAGE);
  g_autofree char *dir = cf_locale_dir_for_program (f->program);

  g_assert_cmpstr (dir, ==, expected);
}

/* A locale folder beside the program with other programs' translations
 * only (a conformity binary copied into /usr/bin, say) is not ours. */
static void
test_other_translations (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *locale = add_translation (f, "de", "coreutils");
  g_autofree char *dir = cf_locale_dir_for_program (f->program);

  g_assert_cmpstr (dir, ==, LOCALEDIR);
}

static void
test_not_default_layout (void)
{
  g_test_skip ("bindir and localedir are not the defaults this test lays out");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* The folders this test makes assume the default layout. */
  if (!g_str_equal (LOCALEDIR_FROM_BINDIR, "../share/locale"))
    {
      g_test_add_func ("/locale-dir/not-default-layout", test_not_default_layout);
      return g_test_run ();
    }
  g_test_add ("/locale-dir/not-moved", Fixture, NULL, fixture_set_up, test_not_moved, fixture_tear_down);
  g_test_add ("/locale-dir/moved", Fixture, NULL, fixture_set_up, test_moved, fixture_tear_down);
  g_test_add ("/locale-dir/other-translations", Fixture, NULL, fixture_set_up, test_other_translations,
              fixture_tear_down);

  return g_test_run ();
}
