/* cf-cli-output.c — plain text for people: aligned tables and labelled values
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cf-cli-private.h"

/* Space between columns. */
#define GAP 2

/* In a key-value table, a label longer than this puts its value on the next
 * line instead of pushing every value far to the right. */
#define MAX_LABEL_WIDTH 30

/* The narrowest a wrapped last column gets; narrower, it is not wrapped. */
#define MIN_WRAP_WIDTH 20

struct _CfCliTable
{
  guint      n_columns;
  guint      max_first_width;   /* 0: no limit */
  guint      width;             /* wrap the last column to fit; 0: never */
  GPtrArray *rows;              /* of GStrv, n_columns each */
};

/* Everything the core stores and translates is UTF-8, and so is JSON.
 * Writing the bytes as they are, rather than through g_print()'s
 * conversion to the locale's charset, keeps names like “Zakład Łódź”
 * intact in the plain C locale many CI runners use. */
static void
write_string (FILE       *stream,
              const char *text)
{
  fputs (text, stream);
}

void
cf_cli_print (const char *format,
              ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  write_string (stdout, text);
}

void
cf_cli_printerr (const char *format,
                 ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  /* Keep the order of messages and output when both go to one terminal. */
  fflush (stdout);
  write_string (stderr, text);
}

/**
 * cf_cli_or_dash:
 *
 * Returns: @value, or a dash standing for “nothing entered”
 */
const char *
cf_cli_or_dash (const char *value)
{
  return value != NULL && *value != '\0' ? value : "—";
}

CfCliTable *
cf_cli_table_new (guint n_columns)
{
  CfCliTable *self = g_new0 (CfCliTable, 1);

  g_assert (n_columns > 0);

  self->n_columns = n_columns;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  return self;
}

/**
 * cf_cli_table_new_key_value:
 *
 * Returns: (transfer full): a table of “Label:  value” lines
 */
CfCliTable *
cf_cli_table_new_key_value (void)
{
  CfCliTable *self = cf_cli_table_new (2);

  self->max_first_width = MAX_LABEL_WIDTH;

  return self;
}

void
cf_cli_table_free (CfCliTable *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->rows);
  g_free (self);
}

/**
 * cf_cli_table_add_row:
 * @cells: (array): n_columns cells; %NULL cells are left empty. Only the
 *   last column may hold several lines.
 */
void
cf_cli_table_add_row (CfCliTable         *self,
                      const char * const *cells)
{
  char **row = g_new0 (char *, self->n_columns + 1);

  for (guint i = 0; i < self->n_columns; i++)
    row[i] = g_strdup (cells[i] ? cells[i] : "");

  g_ptr_array_add (self->rows, row);
}

void
cf_cli_table_add_pair (CfCliTable *self,
                       const char *label,
                       const char *value)
{
  /* Translators: a label in “Label:  value” output, e.g. “Version:”. */
  g_autofree char *with_colon = g_strdup_printf (_("%s:"), label);

  cf_cli_table_add_row (self, (const char *[]) { with_colon, cf_cli_or_dash (value) });
}

/**
 * cf_cli_table_add_record:
 *
 * Adds one “Label:  value” row per field of @record, in the order of its
 * specification, so fields added to the core are shown without a change here.
 */
void
cf_cli_table_add_record (CfCliTable *self,
                         CfRecord   *record)
{
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (record, &n_specs);

  for (guint i = 0; i < n_specs; i++)
    cf_cli_table_add_pair (self, _(specs[i].label), cf_record_get_field (record, specs[i].name));
}

/**
 * cf_cli_table_set_width:
 * @width: the most characters on a line, the indent included; 0 for no limit
 *
 * Breaks the last column between words so that rows fit in @width, the
 * later lines lined up under the first.
 */
void
cf_cli_table_set_width (CfCliTable *self,
                        guint       width)
{
  self->width = width;
}

static void
append_padding (GString *out,
                gsize    n)
{
  for (gsize i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

/* Appends @text broken between words, keeping its own line breaks. */
static void
append_wrapped (GString    *out,
                const char *text,
                guint       indent,
                guint       width)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);

  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      g_auto(GStrv) words = g_strsplit (g_strstrip (paragraphs[p]), " ", -1);
      gsize column = 0;

      append_padding (out, indent);
      column = indent;

      for (guint w = 0, n_on_line = 0; words[w] != NULL; w++)
        {
          gsize len = g_utf8_strlen (words[w], -1);

          if (len == 0)
            continue;

          if (n_on_line > 0 && column + 1 + len > width)
            {
              g_string_append_c (out, '\n');
              append_padding (out, indent);
              column = indent;
              n_on_line = 0;
            }

          if (n_on_line > 0)
            {
              g_string_append_c (out, ' ');
              column++;
            }

          g_string_append (out, words[w]);
          column += len;
          n_on_line++;
        }

      g_string_append_c (out, '\n');
    }
}

/* The last cell, wrapped to what is left of the line after @offset. */
static char *
dup_last_cell (CfCliTable *self,
               const char *cell,
               gsize       offset)
{
  g_autoptr(GString) wrapped = NULL;

  if (self->width == 0 || offset + MIN_WRAP_WIDTH > self->width || *cell == '\0')
    return g_strdup (cell);

  wrapped = g_string_new (NULL);
  append_wrapped (wrapped, cell, 0, self->width - offset);
  /* Each paragraph ends in a newline; the row adds its own. */
  if (wrapped->len > 0 && wrapped->str[wrapped->len - 1] == '\n')
    g_string_truncate (wrapped, wrapped->len - 1);

  return g_string_free (g_steal_pointer (&wrapped), FALSE);
}

void
cf_cli_table_append (CfCliTable *self,
                     GString    *out,
                     const char *indent)
{
  g_autofree gsize *widths = g_new0 (gsize, self->n_columns);
  gsize offset = strlen (indent);
  guint last = self->n_columns - 1;

  for (guint r = 0; r < self->rows->len; r++)
    {
      char **row = g_ptr_array_index (self->rows, r);

      for (guint c = 0; c < last; c++)
        {
          gsize width = g_utf8_strlen (row[c], -1);

          if (c == 0 && self->max_first_width > 0 && width > self->max_first_width)
            continue;
          widths[c] = MAX (widths[c], width);
        }
    }

  for (guint c = 0; c < last; c++)
    offset += widths[c] + GAP;

  for (guint r = 0; r < self->rows->len; r++)
    {
      char **row = g_ptr_array_index (self->rows, r);
      g_autofree char *cell = dup_last_cell (self, row[last], offset);
      g_auto(GStrv) lines = g_strsplit (cell, "\n", -1);
      gsize start = out->len;

      g_string_append (out, indent);
      for (guint c = 0; c < last; c++)
        {
          gsize width = g_utf8_strlen (row[c], -1);

          g_string_append (out, row[c]);
          if (width > widths[c])
            {
              /* Only an over-long label gets here: its value goes below it. */
              g_string_append_c (out, '\n');
              append_padding (out, offset);
              break;
            }
          append_padding (out, widths[c] - width + GAP);
        }

      for (guint l = 0; lines[l] != NULL; l++)
        {
          if (l > 0)
            {
              g_string_append_c (out, '\n');
              append_padding (out, offset);
            }
          g_string_append (out, lines[l]);
        }

      /* No trailing blanks when the last cells are empty. */
      while (out->len > start && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
}

void
cf_cli_table_print (CfCliTable *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  cf_cli_table_append (self, out, "");
  cf_cli_print ("%s", out->str);
}

/**
 * cf_cli_print_wrapped:
 * @indent: spaces before every line
 * @width: the most characters on a line, @indent included
 *
 * Prints @text broken between words, keeping its own line breaks.
 */
void
cf_cli_print_wrapped (const char *text,
                      guint       indent,
                      guint       width)
{
  g_autoptr(GString) out = g_string_new (NULL);

  append_wrapped (out, text, indent, width);
  cf_cli_print ("%s", out->str);
}

/**
 * cf_cli_print_bullet:
 * @indent: spaces before the bullet
 * @width: the most characters on a line, @indent included
 *
 * Prints @text as a point of a list: a bullet, then the text wrapped with
 * its later lines under its first word, so the points stand apart.
 */
void
cf_cli_print_bullet (const char *text,
                     guint       indent,
                     guint       width)
{
  g_autoptr(GString) out = g_string_new (NULL);

  /* Wrapped two columns further in; the bullet takes the first two. */
  append_wrapped (out, text, indent + 2, width);
  g_string_erase (out, indent, 2);
  g_string_insert (out, indent, "• ");
  cf_cli_print ("%s", out->str);
}
