/* cf-doc-phrases.c — reads data/document-phrases.tsv
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-doc-phrases"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cf-doc-phrases.h"

#define PHRASES_RESOURCE "/io/github/conformity/Conformity/catalogue/document-phrases.tsv"

/* Columns of the file, after the English key. */
static const char * const languages[] = { "de", "fr" };

typedef struct
{
  char *translations[G_N_ELEMENTS (languages)];
} Entry;

static GHashTable *phrases;   /* English → Entry */
static GHashTable *missing;   /* "de: English" lookups that found nothing */
static GMutex lock;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    g_free (entry->translations[i]);
  g_free (entry);
}

/* "\t" separates columns; "\n" inside a phrase is written "\\n". */
static char *
unescape (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] == 'n')
        {
          g_string_append_c (out, '\n');
          p++;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
load (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gsize size;

  phrases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  bytes = g_resources_lookup_data (PHRASES_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_warning ("The document phrasebook is missing: %s", error->message);
      return;
    }

  {
    const char *data = g_bytes_get_data (bytes, &size);

    text = g_strndup (data, size);
  }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      Entry *entry;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      columns = g_strsplit (lines[i], "\t", -1);
      entry = g_new0 (Entry, 1);
      for (guint l = 0; l < G_N_ELEMENTS (languages) && columns[0] != NULL && columns[l + 1] != NULL; l++)
        if (*columns[l + 1] != '\0')
          entry->translations[l] = unescape (columns[l + 1]);
      g_hash_table_replace (phrases, unescape (columns[0]), entry);
    }
}

/**
 * cf_phrase:
 * @language: "en", "de" or "fr"
 * @english: the phrase as written in the code
 *
 * Returns: (transfer none): the phrase in @language; @english itself when
 *   the phrasebook has no translation (such lookups are remembered, see
 *   cf_phrase_missing())
 */
const char *
cf_phrase (const char *language,
           const char *english)
{
  Entry *entry;
  const char *found = NULL;

  if (language == NULL || g_str_equal (language, "en"))
    return english;

  g_mutex_lock (&lock);
  if (phrases == NULL)
    load ();

  entry = g_hash_table_lookup (phrases, english);
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    if (g_str_equal (languages[l], language) && entry != NULL)
      found = entry->translations[l];

  if (found == NULL)
    g_hash_table_add (missing, g_strdup_printf ("%s: %s", language, english));
  g_mutex_unlock (&lock);

  return found != NULL ? found : english;
}

/**
 * cf_phrase_format:
 * @english_template: a phrase with named holes, "{name}, type {model}"
 * @...: pairs of hole name and value, ending with %NULL
 *
 * Fills the holes of the phrase in @language. Named holes, not printf
 * formats: a translation may put them in any order.
 *
 * Returns: (transfer full): the phrase
 */
char *
cf_phrase_format (const char *language,
                  const char *english_template,
                  ...)
{
  g_autoptr(GString) out = g_string_new (cf_phrase (language, english_template));
  const char *name;
  va_list args;

  va_start (args, english_template);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      g_autofree char *hole = g_strdup_printf ("{%s}", name);

      g_string_replace (out, hole, value ? value : "", 0);
    }
  va_end (args);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cf_phrase_month_year:
 * @date: a valid date; only its month and year count
 *
 * "January 2033", "Januar 2033", "janvier 2033": the month named in the
 * document's language, whatever the process's locale.
 *
 * Returns: (transfer full): the month and year
 */
char *
cf_phrase_month_year (const char  *language,
                      const GDate *date)
{
  static const char *const months[] = {
    PHRASE ("January"), PHRASE ("February"), PHRASE ("March"), PHRASE ("April"),
    PHRASE ("May"), PHRASE ("June"), PHRASE ("July"), PHRASE ("August"),
    PHRASE ("September"), PHRASE ("October"), PHRASE ("November"), PHRASE ("December"),
  };

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%s %u", cf_phrase (language, months[g_date_get_month (date) - 1]),
                          (guint) g_date_get_year (date));
}

/**
 * cf_phrase_missing:
 *
 * Returns: (transfer full): "de: Phrase" for every lookup since the last
 *   reset that found no translation, sorted
 */
GStrv
cf_phrase_missing (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GList) keys = NULL;

  g_mutex_lock (&lock);
  if (missing != NULL)
    keys = g_list_sort (g_hash_table_get_keys (missing), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    g_strv_builder_add (builder, l->data);
  g_mutex_unlock (&lock);

  return g_strv_builder_end (builder);
}

void
cf_phrase_reset_missing (void)
{
  g_mutex_lock (&lock);
  if (missing != NULL)
    g_hash_table_remove_all (missing);
  g_mutex_unlock (&lock);
}
