/* cf-classifier.c — search the Annex III and IV categories by description
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-classifier"

#include "config.h"

#include <string.h>

#include "cf-classifier.h"

/* A search term of a category: one synonym or example from the catalogue,
 * as its normalized words. It matches a description that contains all of
 * them, in any order, so "monitor for babies" finds "baby monitor". */
typedef struct
{
  char  *text;
  GStrv  words;
} Term;

typedef struct
{
  CfCatalogueItem *item;
  CfCategory       category;
  GPtrArray       *terms;     /* of Term */
} Category;

struct _CfClassifier
{
  GObject     parent_instance;

  GPtrArray  *categories;     /* of Category, in catalogue order */
  GListStore *items;          /* the same, as CfCatalogueItems for lists */
};

G_DEFINE_FINAL_TYPE (CfClassifier, cf_classifier, G_TYPE_OBJECT)

struct _CfCategoryMatch
{
  GObject          parent_instance;

  CfCatalogueItem *item;
  CfCategory       category;
  double           score;
  gboolean         is_feature;     /* matched only in what the product comes with */
  GStrv            matched_terms;
  GStrv            matched_words;
};

G_DEFINE_FINAL_TYPE (CfCategoryMatch, cf_category_match, G_TYPE_OBJECT)

/* Words */

/* Folds case and accents and strips common English plural endings, so that
 * "Routers", "routeur" aside, "router" and "ROUTERS" are one word. Crude on
 * purpose: the catalogue's terms are normalized the same way, so what
 * matters is only that both sides agree. */
char *
cf_classifier_normalize_word (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  g_autoptr(GString) plain = g_string_new (NULL);
  gsize len;

  for (const char *p = decomposed; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (plain, c);
    }

  len = plain->len;
  if (len > 4 && g_str_has_suffix (plain->str, "ies"))
    {
      g_string_truncate (plain, len - 3);
      g_string_append_c (plain, 'y');
    }
  else if (len > 4 && (g_str_has_suffix (plain->str, "sses") || g_str_has_suffix (plain->str, "shes") ||
                       g_str_has_suffix (plain->str, "ches") || g_str_has_suffix (plain->str, "xes") ||
                       g_str_has_suffix (plain->str, "zes")))
    g_string_truncate (plain, len - 2);
  else if (len > 3 && plain->str[len - 1] == 's' && plain->str[len - 2] != 's' &&
           !g_str_has_suffix (plain->str, "us") && !g_str_has_suffix (plain->str, "is"))
    g_string_truncate (plain, len - 1);

  return g_string_free (g_steal_pointer (&plain), FALSE);
}

/* Calls @func for each word of @text (runs of letters and digits), with its
 * byte range in @text. */
static void
foreach_word (const char *text,
              void      (*func) (const char *start, const char *end, gpointer data),
              gpointer    data)
{
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        func (start, p, data);
    }
}

static void
add_word_cb (const char *start,
             const char *end,
             gpointer    data)
{
  g_autofree char *word = g_strndup (start, end - start);
  g_autofree char *normalized = cf_classifier_normalize_word (word);

  g_strv_builder_add (data, normalized);
}

/* Words that introduce what a product comes with rather than what it is:
 * "smart TV *with* a web browser", "laptop *including* a fingerprint
 * reader". Not "embedded" or "integrated": the Annex itself speaks of
 * "embedded browsers". Article 7(1): integrating a component of an Annex III category
 * does not in itself make a product important, so a category matched only
 * after one of these is a feature, never the suggestion. */
static const char * const feature_markers[] = {
  "with", "featuring", "including", "includes", "include", "running", "runs", "that", "which",
  "plus", "integrating", "using", "uses", "supporting", "supports", NULL
};

static GStrv
normalized_words (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  foreach_word (text, add_word_cb, builder);

  return g_strv_builder_end (builder);
}

typedef struct
{
  const char * const *words;
  GArray             *ranges;
  const char         *text;
} FindWords;

static void
find_word_cb (const char *start,
              const char *end,
              gpointer    data)
{
  FindWords *fw = data;
  g_autofree char *word = g_strndup (start, end - start);
  g_autofree char *normalized = cf_classifier_normalize_word (word);
  gboolean found = g_strv_contains (fw->words, normalized);

  /* For the eye only: "monitoring" shows where "monitor" matched. */
  for (guint i = 0; !found && fw->words[i] != NULL; i++)
    found = strlen (fw->words[i]) >= 4 && g_str_has_prefix (normalized, fw->words[i]) &&
            strlen (normalized) - strlen (fw->words[i]) <= 3;

  if (found)
    {
      int range[2] = { start - fw->text, end - fw->text };

      g_array_append_vals (fw->ranges, range, 2);
    }
}

/**
 * cf_classifier_find_words:
 * @text: a category's title, say
 * @words: normalized words, e.g. from cf_category_match_get_matched_words()
 *
 * Where @words occur in @text, for highlighting them.
 *
 * Returns: (transfer full) (element-type int): byte offsets, start and end
 *   of each occurrence in turn
 */
GArray *
cf_classifier_find_words (const char         *text,
                          const char * const *words)
{
  FindWords fw = { words, g_array_new (FALSE, FALSE, sizeof (int)), text };

  if (words != NULL)
    foreach_word (text, find_word_cb, &fw);

  return fw.ranges;
}

/* The classifier */

static void
term_free (gpointer data)
{
  Term *term = data;

  g_free (term->text);
  g_strfreev (term->words);
  g_free (term);
}

static void
category_free (gpointer data)
{
  Category *category = data;

  g_object_unref (category->item);
  g_ptr_array_unref (category->terms);
  g_free (category);
}

static void
add_terms (Category           *category,
           const char * const *texts)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      Term *term = g_new0 (Term, 1);

      term->text = g_strdup (texts[i]);
      term->words = normalized_words (texts[i]);
      if (term->words[0] == NULL)
        term_free (term);
      else
        g_ptr_array_add (category->terms, term);
    }
}

static void
cf_classifier_finalize (GObject *object)
{
  CfClassifier *self = CF_CLASSIFIER (object);

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (cf_classifier_parent_class)->finalize (object);
}

static void
cf_classifier_class_init (CfClassifierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_classifier_finalize;
}

static void
cf_classifier_init (CfClassifier *self)
{
  self->categories = g_ptr_array_new_with_free_func (category_free);
  self->items = g_list_store_new (CF_TYPE_CATALOGUE_ITEM);
}

/**
 * cf_classifier_new:
 *
 * Collects the categories of every catalogue section that names one (the
 * "category" attribute of Annex III class I and II and of Annex IV) with
 * their synonyms and examples as search terms. A new category or a better
 * synonym is a change to the catalogue, not to this code.
 *
 * Returns: (transfer full): the classifier
 */
CfClassifier *
cf_classifier_new (CfCatalogue *catalogue)
{
  CfClassifier *self;
  const char * const *sections;

  g_return_val_if_fail (CF_IS_CATALOGUE (catalogue), NULL);

  self = g_object_new (CF_TYPE_CLASSIFIER, NULL);
  sections = cf_catalogue_get_section_ids (catalogue);

  for (guint s = 0; sections[s] != NULL; s++)
    {
      const char *id = cf_catalogue_get_section_attribute (catalogue, sections[s], "category");
      GListModel *items = cf_catalogue_get_items (catalogue, sections[s]);
      CfCategory category;

      if (id == NULL || !cf_category_from_id (id, &category))
        continue;

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(CfCatalogueItem) item = g_list_model_get_item (items, i);
          Category *c;

          if (g_strcmp0 (cf_catalogue_item_get_kind (item), "category") != 0)
            continue;

          c = g_new0 (Category, 1);
          c->item = g_object_ref (item);
          c->category = category;
          c->terms = g_ptr_array_new_with_free_func (term_free);
          add_terms (c, cf_catalogue_item_get_synonyms (item));
          add_terms (c, cf_catalogue_item_get_examples (item));
          g_ptr_array_add (self->categories, c);
          g_list_store_append (self->items, item);
        }
    }

  return self;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  CfCategoryMatch *ma = *(CfCategoryMatch **) a;
  CfCategoryMatch *mb = *(CfCategoryMatch **) b;

  /* What the product is comes before what it comes with. */
  if (ma->is_feature != mb->is_feature)
    return ma->is_feature ? 1 : -1;

  if (ma->score != mb->score)
    return ma->score > mb->score ? -1 : 1;

  /* Equal evidence: the higher class first, as it would win anyway. */
  return (int) mb->category - (int) ma->category;
}

/**
 * cf_classifier_suggest:
 * @description: what the product is, in plain words
 *
 * Ranks the categories whose search terms occur in @description. A term
 * matches when all its words do; a category scores one point per word of
 * the description its matching terms cover, so specific terms outweigh
 * generic ones, and a word no term contains ("smart", "device") counts for
 * nothing. Words after "with", "including", "running" and the like
 * describe features: a category matched only there is ranked after every
 * other and marked as a feature (cf_category_match_get_is_feature()).
 *
 * Returns: (transfer full) (element-type CfCategoryMatch): best first;
 *   empty when nothing matched, i.e. the default category
 */
GPtrArray *
cf_classifier_suggest (CfClassifier *self,
                       const char   *description)
{
  g_auto(GStrv) query = NULL;
  g_autoptr(GHashTable) core = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *matches;

  g_return_val_if_fail (CF_IS_CLASSIFIER (self), NULL);

  matches = g_ptr_array_new_with_free_func (g_object_unref);
  query = normalized_words (description ? description : "");
  if (query[0] == NULL)
    return matches;

  /* The words before the first feature marker say what the product is. */
  for (guint w = 0; query[w] != NULL && !g_strv_contains (feature_markers, query[w]); w++)
    g_hash_table_add (core, query[w]);

  for (guint i = 0; i < self->categories->len; i++)
    {
      Category *c = g_ptr_array_index (self->categories, i);
      g_autoptr(GStrvBuilder) terms = g_strv_builder_new ();
      g_autoptr(GHashTable) covered = g_hash_table_new (g_str_hash, g_str_equal);
      guint n_terms = 0, n_core = 0;
      GHashTableIter iter;
      gpointer word;
      CfCategoryMatch *match;

      for (guint t = 0; t < c->terms->len; t++)
        {
          Term *term = g_ptr_array_index (c->terms, t);
          gboolean all = TRUE;

          for (guint w = 0; term->words[w] != NULL && all; w++)
            all = g_strv_contains ((const char * const *) query, term->words[w]);
          if (!all)
            continue;

          g_strv_builder_add (terms, term->text);
          n_terms++;
          for (guint w = 0; term->words[w] != NULL; w++)
            g_hash_table_add (covered, term->words[w]);
        }

      if (n_terms == 0)
        continue;

      g_hash_table_iter_init (&iter, covered);
      while (g_hash_table_iter_next (&iter, &word, NULL))
        if (g_hash_table_contains (core, word))
          n_core++;

      match = g_object_new (CF_TYPE_CATEGORY_MATCH, NULL);
      match->item = g_object_ref (c->item);
      match->category = c->category;
      /* Words saying what the product is count fully, words about what it
       * comes with a quarter; more terms agreeing breaks ties. */
      match->is_feature = n_core == 0;
      match->score = n_core + 0.25 * (g_hash_table_size (covered) - n_core) + 0.1 * (n_terms - 1);
      match->matched_terms = g_strv_builder_end (terms);
      match->matched_words = (GStrv) g_hash_table_get_keys_as_array (covered, NULL);
      for (guint w = 0; match->matched_words[w] != NULL; w++)
        match->matched_words[w] = g_strdup (match->matched_words[w]);
      g_ptr_array_add (matches, match);
    }

  g_ptr_array_sort (matches, compare_matches);

  return matches;
}

/**
 * cf_classifier_get_categories:
 *
 * Returns: (transfer none): every Annex III and IV category, in catalogue order
 */
GListModel *
cf_classifier_get_categories (CfClassifier *self)
{
  g_return_val_if_fail (CF_IS_CLASSIFIER (self), NULL);
  return G_LIST_MODEL (self->items);
}

/**
 * cf_classifier_category_of_item:
 * @item_id: e.g. "AnnexIII.ClassII.2"
 *
 * Returns: the category the item belongs to, %CF_CATEGORY_DEFAULT when the
 *   id is not a category of the catalogue
 */
CfCategory
cf_classifier_category_of_item (CfClassifier *self,
                                const char   *item_id)
{
  g_return_val_if_fail (CF_IS_CLASSIFIER (self), CF_CATEGORY_DEFAULT);

  for (guint i = 0; i < self->categories->len; i++)
    {
      Category *c = g_ptr_array_index (self->categories, i);

      if (g_strcmp0 (cf_catalogue_item_get_id (c->item), item_id) == 0)
        return c->category;
    }

  return CF_CATEGORY_DEFAULT;
}

/* CfCategoryMatch */

static void
cf_category_match_finalize (GObject *object)
{
  CfCategoryMatch *self = CF_CATEGORY_MATCH (object);

  g_clear_object (&self->item);
  g_strfreev (self->matched_terms);
  g_strfreev (self->matched_words);

  G_OBJECT_CLASS (cf_category_match_parent_class)->finalize (object);
}

static void
cf_category_match_class_init (CfCategoryMatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_category_match_finalize;
}

static void
cf_category_match_init (CfCategoryMatch *self)
{
}

CfCatalogueItem *
cf_category_match_get_item (CfCategoryMatch *self)
{
  g_return_val_if_fail (CF_IS_CATEGORY_MATCH (self), NULL);
  return self->item;
}

CfCategory
cf_category_match_get_category (CfCategoryMatch *self)
{
  g_return_val_if_fail (CF_IS_CATEGORY_MATCH (self), CF_CATEGORY_DEFAULT);
  return self->category;
}

double
cf_category_match_get_score (CfCategoryMatch *self)
{
  g_return_val_if_fail (CF_IS_CATEGORY_MATCH (self), 0);
  return self->score;
}

/**
 * cf_category_match_get_is_feature:
 *
 * Returns: whether the category matched only what the product comes with,
 *   not what it is; such a match never makes the product important
 */
gboolean
cf_category_match_get_is_feature (CfCategoryMatch *self)
{
  g_return_val_if_fail (CF_IS_CATEGORY_MATCH (self), FALSE);
  return self->is_feature;
}

/**
 * cf_classifier_suggest_category:
 * @matches: (element-type CfCategoryMatch): from cf_classifier_suggest()
 *
 * Returns: the category the best match that is not a mere feature
 *   suggests, %CF_CATEGORY_DEFAULT when there is none
 */
CfCategory
cf_classifier_suggest_category (GPtrArray *matches)
{
  CfCategoryMatch *top = matches->len > 0 ? g_ptr_array_index (matches, 0) : NULL;

  return top != NULL && !top->is_feature ? top->category : CF_CATEGORY_DEFAULT;
}

/**
 * cf_category_match_get_matched_terms:
 *
 * Returns: (transfer none): the catalogue synonyms and examples that matched
 */
const char * const *
cf_category_match_get_matched_terms (CfCategoryMatch *self)
{
  g_return_val_if_fail (CF_IS_CATEGORY_MATCH (self), NULL);
  return (const char * const *) self->matched_terms;
}

/**
 * cf_category_match_get_matched_words:
 *
 * Returns: (transfer none): the description's words (normalized) that
 *   matched, for cf_classifier_find_words()
 */
const char * const *
cf_category_match_get_matched_words (CfCategoryMatch *self)
{
  g_return_val_if_fail (CF_IS_CATEGORY_MATCH (self), NULL);
  return (const char * const *) self->matched_words;
}
