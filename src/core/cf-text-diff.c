/* cf-text-diff.c — Myers' O((N+M)D) line diff
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-text-diff"

#include "config.h"

#include <string.h>

#include "cf-text-diff.h"

/* Texts that differ in more places than this are shown as replaced
 * wholesale: the exact script would cost quadratic memory. */
#define MAX_ROUNDS 4000

/* Lines become numbers, equal for equal lines, so comparing is cheap. */
static guint *
number_lines (GHashTable         *numbers,
              const char * const *lines,
              guint              *n)
{
  guint count = lines ? g_strv_length ((char **) lines) : 0;
  guint *ids = g_new (guint, count + 1);

  for (guint i = 0; i < count; i++)
    {
      gpointer id = g_hash_table_lookup (numbers, lines[i]);

      if (id == NULL)
        {
          id = GUINT_TO_POINTER (g_hash_table_size (numbers) + 1);
          g_hash_table_insert (numbers, (gpointer) lines[i], id);
        }
      ids[i] = GPOINTER_TO_UINT (id);
    }
  *n = count;

  return ids;
}

static void push (GArray      *out,
                  CfDiffKind   kind,
                  const char  *line,
                  guint        old_no,
                  guint        new_no);

static GArray *
all_replaced (const char * const *a,
              guint               n,
              const char * const *b,
              guint               m,
              GArray             *out)
{
  for (guint i = 0; i < n; i++)
    push (out, CF_DIFF_REMOVED, a[i], i + 1, 0);
  for (guint j = 0; j < m; j++)
    push (out, CF_DIFF_ADDED, b[j], 0, j + 1);

  return out;
}

static void
push (GArray      *out,
      CfDiffKind   kind,
      const char  *line,
      guint        old_no,
      guint        new_no)
{
  CfDiffLine d = { kind, line, old_no, new_no };

  g_array_append_val (out, d);
}

/**
 * cf_text_diff_lines:
 *
 * The shortest edit script turning @old_lines into @new_lines, as every
 * line of both in order, each marked same, removed or added.
 *
 * Returns: (transfer full) (element-type CfDiffLine): the lines; their
 *   text points into @old_lines and @new_lines
 */
GArray *
cf_text_diff_lines (const char * const *old_lines,
                    const char * const *new_lines)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *a = NULL;
  g_autofree guint *b = NULL;
  const char * const *old = old_lines;
  const char * const *new = new_lines;
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (CfDiffLine));
  g_autoptr(GArray) reversed = g_array_new (FALSE, FALSE, sizeof (CfDiffLine));
  guint n, m;
  gint max, offset, d, x, y;
  gint *v;

  a = number_lines (numbers, old_lines, &n);
  b = number_lines (numbers, new_lines, &m);
  max = (gint) (n + m);
  offset = max + 1;
  v = g_new0 (gint, 2 * (gsize) max + 3);

  /* Forward pass, keeping each round's frontier to walk back through. */
  for (d = 0; d <= max; d++)
    {
      gboolean done = FALSE;

      for (gint k = -d; k <= d; k += 2)
        {
          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;
          while (x < (gint) n && y < (gint) m && a[x] == b[y])
            x++, y++;
          v[offset + k] = x;
          if (x >= (gint) n && y >= (gint) m)
            {
              done = TRUE;
              break;
            }
        }
      /* Only the diagonals this round reached: O(D²) memory in all. */
      g_ptr_array_add (trace, g_memdup2 (v + offset - d, (2 * (gsize) d + 1) * sizeof (gint)));
      if (done)
        break;
      if (d >= MAX_ROUNDS)
        {
          g_free (v);
          return all_replaced (old, n, new, m, out);
        }
    }
  g_free (v);

  /* Backtrack from the end to the start. */
  x = (gint) n;
  y = (gint) m;
  for (d = (gint) trace->len - 1; d >= 0; d--)
    {
      gint k = x - y;
      gint prev_k, prev_x, prev_y;

      if (d == 0)
        {
          while (x > 0 && y > 0)
            {
              push (reversed, CF_DIFF_SAME, old[x - 1], x, y);
              x--, y--;
            }
          break;
        }

      {
        /* Round d - 1 holds diagonals -(d - 1) … d - 1. */
        gint *vp = g_ptr_array_index (trace, d - 1);

        if (k == -d || (k != d && vp[k - 1 + d - 1] < vp[k + 1 + d - 1]))
          prev_k = k + 1;
        else
          prev_k = k - 1;
        prev_x = vp[prev_k + d - 1];
        prev_y = prev_x - prev_k;
      }

      while (x > prev_x && y > prev_y)
        {
          push (reversed, CF_DIFF_SAME, old[x - 1], x, y);
          x--, y--;
        }
      if (x == prev_x)
        push (reversed, CF_DIFF_ADDED, new[y - 1], 0, y);
      else
        push (reversed, CF_DIFF_REMOVED, old[x - 1], x, 0);
      x = prev_x;
      y = prev_y;
    }

  for (guint i = reversed->len; i > 0; i--)
    g_array_append_val (out, g_array_index (reversed, CfDiffLine, i - 1));

  return out;
}

/**
 * cf_text_diff_unified:
 * @context: unchanged lines to show around each change
 *
 * Returns: (transfer full): the differences in unified diff form, or an
 *   empty string when the texts are the same
 */
char *
cf_text_diff_unified (const char *old_text,
                      const char *new_text,
                      const char *old_label,
                      const char *new_label,
                      guint       context)
{
  g_auto(GStrv) old_lines = g_strsplit (old_text ? old_text : "", "\n", -1);
  g_auto(GStrv) new_lines = g_strsplit (new_text ? new_text : "", "\n", -1);
  g_autoptr(GArray) lines = cf_text_diff_lines ((const char * const *) old_lines,
                                                (const char * const *) new_lines);
  GString *out = g_string_new (NULL);
  guint i = 0;

  while (i < lines->len)
    {
      guint start, end, hunk_end;
      guint old_start = 0, new_start = 0, old_count = 0, new_count = 0;

      /* The next change… */
      while (i < lines->len && g_array_index (lines, CfDiffLine, i).kind == CF_DIFF_SAME)
        i++;
      if (i == lines->len)
        break;

      /* …and the changes that follow it closely enough to share context. */
      start = i > context ? i - context : 0;
      end = i;
      while (end < lines->len)
        {
          guint same = 0;

          while (end < lines->len && g_array_index (lines, CfDiffLine, end).kind != CF_DIFF_SAME)
            end++;
          while (end + same < lines->len && g_array_index (lines, CfDiffLine, end + same).kind == CF_DIFF_SAME)
            same++;
          if (end + same == lines->len || same > 2 * context)
            {
              end += MIN (same, context);
              break;
            }
          end += same;
        }
      hunk_end = end;

      if (out->len == 0)
        g_string_append_printf (out, "--- %s\n+++ %s\n", old_label, new_label);

      for (guint j = start; j < hunk_end; j++)
        {
          CfDiffLine *d = &g_array_index (lines, CfDiffLine, j);

          if (d->kind != CF_DIFF_ADDED)
            {
              old_count++;
              if (old_start == 0)
                old_start = d->old_no;
            }
          if (d->kind != CF_DIFF_REMOVED)
            {
              new_count++;
              if (new_start == 0)
                new_start = d->new_no;
            }
        }
      g_string_append_printf (out, "@@ -%u,%u +%u,%u @@\n", old_start, old_count, new_start, new_count);
      for (guint j = start; j < hunk_end; j++)
        {
          CfDiffLine *d = &g_array_index (lines, CfDiffLine, j);

          g_string_append_c (out, d->kind == CF_DIFF_SAME ? ' ' : d->kind == CF_DIFF_ADDED ? '+' : '-');
          g_string_append (out, d->line);
          g_string_append_c (out, '\n');
        }

      i = hunk_end;
    }

  return g_string_free (out, FALSE);
}
