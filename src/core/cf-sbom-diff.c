/* cf-sbom-diff.c — what changed between two SBOMs
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-sbom-diff"

#include "config.h"

#include <string.h>

#include "cf-sbom-diff.h"

/* One side of the comparison: its components, the keys they are matched
 * by, and what each is paired with on the other side (-1: nothing yet). */
typedef struct
{
  GPtrArray  *components;
  char      **purl_keys;   /* NULL where a component has no purl */
  char      **name_keys;
  gint       *pair;
  guint       n;
} Side;

static void
side_clear (Side *side)
{
  for (guint i = 0; i < side->n; i++)
    {
      g_free (side->purl_keys[i]);
      g_free (side->name_keys[i]);
    }
  g_free (side->purl_keys);
  g_free (side->name_keys);
  g_free (side->pair);
}

static const CfSbomComponent *
side_get (const Side *side,
          guint       i)
{
  return g_ptr_array_index (side->components, i);
}

static gboolean
is_given (const char *s)
{
  return s != NULL && *s != '\0';
}

/* No version and an empty one are the same thing. */
static const char *
version_of (const CfSbomComponent *c)
{
  return c->version != NULL ? c->version : "";
}

/* "pkg:npm/%40scope/name@1.2.3?arch=x#sub" → "pkg:npm/%40scope/name".
 * Qualifiers and subpath go too: the same package built for another
 * architecture is still the same package. The scheme and type are
 * case-insensitive, so they are lower-cased. */
static char *
purl_key (const char *purl)
{
  gsize len = strcspn (purl, "?#");
  char *key = g_strndup (purl, len);
  char *slash = strrchr (key, '/');
  char *at = strrchr (slash != NULL ? slash : key, '@');

  if (at != NULL)
    *at = '\0';
  for (char *p = key; *p != '\0' && *p != '/'; p++)
    *p = g_ascii_tolower (*p);

  return key;
}

/* Unit separators keep ("ab", "c") apart from ("a", "bc"). */
static char *
name_key (const CfSbomComponent *c)
{
  return g_strconcat (c->type ? c->type : "", "\x1f",
                      c->supplier ? c->supplier : "", "\x1f",
                      c->name ? c->name : "", NULL);
}

static void
side_init (Side         *side,
           const CfSbom *sbom)
{
  side->components = sbom != NULL ? sbom->components : NULL;
  side->n = side->components != NULL ? side->components->len : 0;
  side->purl_keys = g_new0 (char *, side->n + 1);
  side->name_keys = g_new0 (char *, side->n + 1);
  side->pair = g_new (gint, side->n + 1);

  for (guint i = 0; i < side->n; i++)
    {
      const CfSbomComponent *c = side_get (side, i);

      if (is_given (c->purl))
        side->purl_keys[i] = purl_key (c->purl);
      side->name_keys[i] = name_key (c);
      side->pair[i] = -1;
    }
}

/* Which key a component takes part in a round with: NULL keeps it out. */
typedef const char * (*KeyFunc) (const Side *side,
                                 guint       i);

static const char *
key_by_purl (const Side *side,
             guint       i)
{
  return side->purl_keys[i];
}

static const char *
key_by_name (const Side *side,
             guint       i)
{
  return side->name_keys[i];
}

static const char *
key_by_name_if_no_purl (const Side *side,
                        guint       i)
{
  return side->purl_keys[i] == NULL ? side->name_keys[i] : NULL;
}

static const char *
key_by_name_if_purl (const Side *side,
                     guint       i)
{
  return side->purl_keys[i] != NULL ? side->name_keys[i] : NULL;
}

/* The new components not yet paired, by key, each list in document order
 * with a cursor to the first still free. */
typedef struct
{
  GArray *indices;
  guint   next;
} Queue;

static void
queue_free (Queue *queue)
{
  g_array_unref (queue->indices);
  g_free (queue);
}

static GHashTable *
index_new_side (const Side *new_side,
                KeyFunc     key_func,
                gboolean    with_version)
{
  GHashTable *queues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) queue_free);

  for (guint j = 0; j < new_side->n; j++)
    {
      const char *key = key_func (new_side, j);
      char *full;
      Queue *queue;

      if (key == NULL || new_side->pair[j] >= 0)
        continue;

      full = with_version
             ? g_strconcat (key, "\x1f", version_of (side_get (new_side, j)), NULL)
             : g_strdup (key);
      queue = g_hash_table_lookup (queues, full);
      if (queue == NULL)
        {
          queue = g_new0 (Queue, 1);
          queue->indices = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (queues, full, queue);
        }
      else
        g_free (full);
      g_array_append_val (queue->indices, j);
    }

  return queues;
}

/* Pairs each free old component with the first free new one of the same
 * key (and version, if @with_version), in document order. */
static void
pair_round (Side     *old_side,
            Side     *new_side,
            KeyFunc   old_key,
            KeyFunc   new_key,
            gboolean  with_version)
{
  g_autoptr(GHashTable) queues = index_new_side (new_side, new_key, with_version);

  if (g_hash_table_size (queues) == 0)
    return;

  for (guint i = 0; i < old_side->n; i++)
    {
      const char *key = old_key (old_side, i);
      g_autofree char *full = NULL;
      Queue *queue;

      if (key == NULL || old_side->pair[i] >= 0)
        continue;

      if (with_version)
        {
          full = g_strconcat (key, "\x1f", version_of (side_get (old_side, i)), NULL);
          key = full;
        }
      queue = g_hash_table_lookup (queues, key);
      if (queue == NULL || queue->next >= queue->indices->len)
        continue;

      {
        guint j = g_array_index (queue->indices, guint, queue->next++);

        old_side->pair[i] = (gint) j;
        new_side->pair[j] = (gint) i;
      }
    }
}

/* Equal versions first, so a package present in two versions on both
 * sides pairs 1.0 with 1.0 and 2.0 with 2.0; then the rest in order, as
 * version changes. */
static void
pair_by (Side    *old_side,
         Side    *new_side,
         KeyFunc  old_key,
         KeyFunc  new_key)
{
  pair_round (old_side, new_side, old_key, new_key, TRUE);
  pair_round (old_side, new_side, old_key, new_key, FALSE);
}

typedef struct
{
  CfSbomChange *change;
  char         *folded;   /* the name, case-folded: sorts "Zlib" with "zlib" */
  const char   *name;
  guint         index;    /* in the new SBOM, or the old one when removed */
} Entry;

static gint
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;
  gint cmp;

  if ((cmp = strcmp (x->folded, y->folded)) != 0)
    return cmp;
  if (x->change->kind != y->change->kind)
    return x->change->kind < y->change->kind ? -1 : 1;
  /* The rest only makes the order the same on every run. */
  if ((cmp = strcmp (x->name, y->name)) != 0)
    return cmp;

  return x->index < y->index ? -1 : x->index > y->index;
}

static void
add_change (GArray                *entries,
            CfSbomChangeKind       kind,
            const CfSbomComponent *old_component,
            const CfSbomComponent *new_component,
            guint                  index)
{
  Entry entry;
  const CfSbomComponent *shown = new_component != NULL ? new_component : old_component;

  entry.change = g_new (CfSbomChange, 1);
  entry.change->kind = kind;
  entry.change->old_component = old_component;
  entry.change->new_component = new_component;
  entry.name = shown->name != NULL ? shown->name : "";
  entry.folded = g_utf8_casefold (entry.name, -1);
  entry.index = index;
  g_array_append_val (entries, entry);
}

/**
 * cf_sbom_diff:
 *
 * Two components match when their purls without version, qualifiers and
 * subpath are equal; when at least one of them has no purl, when their
 * (type, supplier, name) are equal. Matching by purl goes first, so a
 * component renamed but with the same purl is still the same component.
 * Within a match, equal versions pair first, then the rest in document
 * order as version changes; what is left is added or removed.
 *
 * Hash tables keep it linear in the number of components.
 *
 * Returns: (transfer full) (element-type CfSbomChange): the changes,
 *   sorted by case-folded name, then kind
 */
GPtrArray *
cf_sbom_diff (const CfSbom *old_sbom,
              const CfSbom *new_sbom)
{
  Side old_side, new_side;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  GPtrArray *changes;

  side_init (&old_side, old_sbom);
  side_init (&new_side, new_sbom);

  pair_by (&old_side, &new_side, key_by_purl, key_by_purl);
  /* A purl only one side gives cannot tell them apart: fall back to the
   * name, but never pair two different purls. */
  pair_by (&old_side, &new_side, key_by_name_if_no_purl, key_by_name);
  pair_by (&old_side, &new_side, key_by_name_if_purl, key_by_name_if_no_purl);

  for (guint i = 0; i < old_side.n; i++)
    {
      const CfSbomComponent *old_c = side_get (&old_side, i);

      if (old_side.pair[i] < 0)
        add_change (entries, CF_SBOM_CHANGE_REMOVED, old_c, NULL, i);
      else
        {
          guint j = (guint) old_side.pair[i];
          const CfSbomComponent *new_c = side_get (&new_side, j);

          if (strcmp (version_of (old_c), version_of (new_c)) != 0)
            add_change (entries, CF_SBOM_CHANGE_VERSION_CHANGED, old_c, new_c, j);
        }
    }
  for (guint j = 0; j < new_side.n; j++)
    if (new_side.pair[j] < 0)
      add_change (entries, CF_SBOM_CHANGE_ADDED, NULL, side_get (&new_side, j), j);

  g_array_sort (entries, compare_entries);
  changes = g_ptr_array_new_full (entries->len, g_free);
  for (guint k = 0; k < entries->len; k++)
    {
      Entry *entry = &g_array_index (entries, Entry, k);

      g_ptr_array_add (changes, entry->change);
      g_free (entry->folded);
    }

  side_clear (&old_side);
  side_clear (&new_side);

  return changes;
}
