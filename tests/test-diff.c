/* test-diff.c — comparing two versions of a document's text
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cf-text-diff.h"

/* Applying the script to the old lines must give the new ones, and it
 * must keep every line the two share in order (it is a real diff). */
static void
check_script (const char * const *old_lines,
              const char * const *new_lines,
              guint               expected_changes)
{
  g_autoptr(GArray) diff = cf_text_diff_lines (old_lines, new_lines);
  g_autoptr(GPtrArray) rebuilt_old = g_ptr_array_new ();
  g_autoptr(GPtrArray) rebuilt_new = g_ptr_array_new ();
  guint changes = 0;

  for (guint i = 0; i < diff->len; i++)
    {
      CfDiffLine *d = &g_array_index (diff, CfDiffLine, i);

      if (d->kind != CF_DIFF_ADDED)
        g_ptr_array_add (rebuilt_old, (gpointer) d->line);
      if (d->kind != CF_DIFF_REMOVED)
        g_ptr_array_add (rebuilt_new, (gpointer) d->line);
      changes += d->kind != CF_DIFF_SAME;
    }
  g_ptr_array_add (rebuilt_old, NULL);
  g_ptr_array_add (rebuilt_new, NULL);

  g_assert_true (g_strv_equal ((const char * const *) rebuilt_old->pdata, old_lines));
  g_assert_true (g_strv_equal ((const char * const *) rebuilt_new->pdata, new_lines));
  if (expected_changes != G_MAXUINT)
    g_assert_cmpuint (changes, ==, expected_changes);
}

static void
test_cases (void)
{
  const char *empty[] = { NULL };
  const char *abc[] = { "a", "b", "c", NULL };
  const char *axc[] = { "a", "x", "c", NULL };
  const char *zabc[] = { "z", "a", "b", "c", NULL };
  const char *ab[] = { "a", "b", NULL };

  check_script (abc, abc, 0);
  check_script (abc, axc, 2);
  check_script (abc, zabc, 1);
  check_script (abc, ab, 1);
  check_script (empty, abc, 3);
  check_script (abc, empty, 3);
  check_script (empty, empty, 0);
}

static void
test_random_edits (void)
{
  GRand *rand = g_rand_new_with_seed (20261121);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) new = g_ptr_array_new_with_free_func (g_free);
      guint n = g_rand_int_range (rand, 0, 60);

      for (guint i = 0; i < n; i++)
        {
          char *line = g_strdup_printf ("line %d", g_rand_int_range (rand, 0, 12));

          g_ptr_array_add (old, line);
          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0: break;                                            /* removed */
            case 1: g_ptr_array_add (new, g_strdup ("inserted")); G_GNUC_FALLTHROUGH;
            default: g_ptr_array_add (new, g_strdup (line)); break;   /* kept */
            }
        }
      g_ptr_array_add (old, NULL);
      g_ptr_array_add (new, NULL);
      check_script ((const char * const *) old->pdata, (const char * const *) new->pdata, G_MAXUINT);
    }

  g_rand_free (rand);
}

static void
test_unified (void)
{
  g_autofree char *same = cf_text_diff_unified ("a\nb\n", "a\nb\n", "v1", "v2", 3);
  g_autofree char *changed = NULL;

  g_assert_cmpstr (same, ==, "");

  changed = cf_text_diff_unified ("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n",
                                  "DoC v1", "DoC v2", 2);
  g_assert_cmpstr (changed, ==,
                   "--- DoC v1\n"
                   "+++ DoC v2\n"
                   "@@ -3,5 +3,5 @@\n"
                   " 3\n"
                   " 4\n"
                   "-5\n"
                   "+FIVE\n"
                   " 6\n"
                   " 7\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diff/cases", test_cases);
  g_test_add_func ("/diff/random-edits", test_random_edits);
  g_test_add_func ("/diff/unified", test_unified);

  return g_test_run ();
}
