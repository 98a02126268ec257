/* test-routing.c — which conformity assessment procedures are open (Article 32)
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cf-routing.h"

static CfCatalogue *catalogue;

/* Annex I: point (1) and (2)(a)–(m) of part I, and the 8 points of part II. */
#define N_REQUIREMENTS (1 + 13 + 8)

typedef struct
{
  const char         *name;
  CfCategory          category;
  const char * const  items[3];
  gboolean            is_foss;
  gboolean            documentation_public;
  guint               n_covered;
  /* module A, module B+C, module H, certification scheme */
  CfRouteStatus       status[4];
  const char         *usable;    /* the usable ids, space-separated */
  const char         *ref;       /* what the ref must contain */
  const char         *explains;  /* what module A's explanation must contain, or NULL */
} Case;

#define OPEN CF_ROUTE_OPEN
#define WHERE CF_ROUTE_WHERE_AVAILABLE
#define COVERED CF_ROUTE_COVERED_REQUIREMENTS
#define CLOSED CF_ROUTE_CLOSED
#define REQUIRED CF_ROUTE_REQUIRED

#define DEFAULT CF_CATEGORY_DEFAULT
#define CLASS_1 CF_CATEGORY_IMPORTANT_CLASS_1
#define CLASS_2 CF_CATEGORY_IMPORTANT_CLASS_2
#define CRITICAL CF_CATEGORY_CRITICAL

#define ALL "module-a module-b+c module-h eucc"
#define NOT_A "module-b+c module-h eucc"

static const Case cases[] = {
  /* Article 32(1): any of the four. */
  { "default", DEFAULT, { NULL }, FALSE, FALSE, 0,
    { OPEN, OPEN, OPEN, WHERE }, ALL, "Article 32(1)", NULL },
  { "default/fully-covered", DEFAULT, { NULL }, FALSE, FALSE, N_REQUIREMENTS,
    { OPEN, OPEN, OPEN, WHERE }, ALL, "Article 32(1)", NULL },
  /* Article 32(5) is for Annex III: a default product keeps Article 32(1). */
  { "default/foss-public", DEFAULT, { NULL }, TRUE, TRUE, 0,
    { OPEN, OPEN, OPEN, WHERE }, ALL, "Article 32(1)", NULL },

  /* Article 32(2): module A only for requirements covered in full by
   * harmonised standards, common specifications or a scheme at level
   * ‘substantial’; the rest need module B+C or H. */
  { "class-1/not-covered", CLASS_1, { "AnnexIII.ClassI.12", NULL }, FALSE, FALSE, 0,
    { CLOSED, OPEN, OPEN, WHERE }, NOT_A, "Article 32(2)", NULL },
  { "class-1/partly-covered", CLASS_1, { "AnnexIII.ClassI.12", NULL }, FALSE, FALSE, 5,
    { COVERED, OPEN, OPEN, WHERE }, NOT_A, "Article 32(2)", "5 of 22" },
  { "class-1/all-but-one-covered", CLASS_1, { "AnnexIII.ClassI.12", NULL }, FALSE, FALSE,
    N_REQUIREMENTS - 1,
    { COVERED, OPEN, OPEN, WHERE }, NOT_A, "Article 32(2)", "21 of 22" },
  { "class-1/fully-covered", CLASS_1, { "AnnexIII.ClassI.12", NULL }, FALSE, FALSE, N_REQUIREMENTS,
    { OPEN, OPEN, OPEN, WHERE }, ALL, "Article 32(2)", NULL },

  /* Article 32(3): never module A. */
  { "class-2/not-covered", CLASS_2, { "AnnexIII.ClassII.2", NULL }, FALSE, FALSE, 0,
    { CLOSED, OPEN, OPEN, WHERE }, NOT_A, "Article 32(3)", "Important, class II" },
  { "class-2/fully-covered", CLASS_2, { "AnnexIII.ClassII.2", NULL }, FALSE, FALSE, N_REQUIREMENTS,
    { CLOSED, OPEN, OPEN, WHERE }, NOT_A, "Article 32(3)", NULL },

  /* Article 32(4)(b) and Article 8(1), second subparagraph: with no
   * delegated act, the procedures of Article 32(3). */
  { "critical", CRITICAL, { "AnnexIV.1", NULL }, FALSE, FALSE, 0,
    { CLOSED, OPEN, OPEN, WHERE }, NOT_A, "Article 32(4)", NULL },
  { "critical/fully-covered", CRITICAL, { "AnnexIV.3", NULL }, FALSE, FALSE, N_REQUIREMENTS,
    { CLOSED, OPEN, OPEN, WHERE }, NOT_A, "Article 32(4)", NULL },

  /* Article 32(5): free and open-source software in an Annex III category
   * whose technical documentation is public may use any procedure of
   * Article 32(1), module A included, whatever the standards cover. */
  { "class-1/foss-public", CLASS_1, { "AnnexIII.ClassI.11", NULL }, TRUE, TRUE, 0,
    { OPEN, OPEN, OPEN, WHERE }, ALL, "Article 32(5)", "open-source" },
  { "class-1/foss-public-partly-covered", CLASS_1, { "AnnexIII.ClassI.11", NULL }, TRUE, TRUE, 5,
    { OPEN, OPEN, OPEN, WHERE }, ALL, "Article 32(5)", NULL },
  { "class-2/foss-public", CLASS_2, { "AnnexIII.ClassII.1", NULL }, TRUE, TRUE, 0,
    { OPEN, OPEN, OPEN, WHERE }, ALL, "Article 32(5)", "open-source" },
  /* …provided the documentation is public. */
  { "class-1/foss-not-public", CLASS_1, { "AnnexIII.ClassI.11", NULL }, TRUE, FALSE, 0,
    { CLOSED, OPEN, OPEN, WHERE }, NOT_A, "Article 32(2)", NULL },
  { "class-2/foss-not-public", CLASS_2, { "AnnexIII.ClassII.1", NULL }, TRUE, FALSE, 0,
    { CLOSED, OPEN, OPEN, WHERE }, NOT_A, "Article 32(3)", NULL },
  /* …and only for free and open-source software. */
  { "class-2/public-not-foss", CLASS_2, { "AnnexIII.ClassII.1", NULL }, FALSE, TRUE, 0,
    { CLOSED, OPEN, OPEN, WHERE }, NOT_A, "Article 32(3)", NULL },
  /* …and only in Annex III, not Annex IV. */
  { "critical/foss-public", CRITICAL, { "AnnexIV.2", NULL }, TRUE, TRUE, 0,
    { CLOSED, OPEN, OPEN, WHERE }, NOT_A, "Article 32(4)", NULL },
};

static const CfProcedure procedures[] = {
  CF_PROCEDURE_MODULE_A, CF_PROCEDURE_MODULE_B_C, CF_PROCEDURE_MODULE_H, CF_PROCEDURE_CERTIFICATION,
};

static GPtrArray *
compute (CfCatalogue *with,
         const Case  *c)
{
  CfRoutingInput input = { 0 };

  input.category = c->category;
  input.items = c->items;
  input.is_foss = c->is_foss;
  input.documentation_public = c->documentation_public;
  input.n_requirements = N_REQUIREMENTS;
  input.n_covered = c->n_covered;

  return cf_routing_compute (with, &input);
}

static CfRoute *
route (GPtrArray *routes,
       guint      i)
{
  return g_ptr_array_index (routes, i);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GPtrArray) routes = compute (catalogue, c);
  g_auto(GStrv) usable = cf_routing_usable_ids (routes);
  g_autofree char *joined = g_strjoinv (" ", usable);

  g_assert_cmpuint (routes->len, ==, G_N_ELEMENTS (procedures));
  for (guint i = 0; i < routes->len; i++)
    {
      CfRoute *r = route (routes, i);

      g_assert_cmpint (r->procedure, ==, procedures[i]);
      if (r->status != c->status[i])
        g_error ("%s: %s is “%s”, not “%s”", c->name, cf_procedure_to_id (r->procedure),
                 cf_route_status_to_id (r->status), cf_route_status_to_id (c->status[i]));

      /* Only modules B+C and H involve a notified body. */
      g_assert_cmpint (r->notified_body, ==,
                       r->procedure == CF_PROCEDURE_MODULE_B_C ||
                       r->procedure == CF_PROCEDURE_MODULE_H);

      g_assert_nonnull (r->ref);
      if (strstr (r->ref, c->ref) == NULL)
        g_error ("%s: %s cites “%s”, not %s", c->name, cf_procedure_to_id (r->procedure),
                 r->ref, c->ref);

      g_assert_nonnull (r->explanation);
      g_assert_cmpstr (r->explanation, !=, "");
    }

  g_assert_cmpstr (joined, ==, c->usable);

  if (c->explains != NULL && strstr (route (routes, 0)->explanation, c->explains) == NULL)
    g_error ("%s: module A is explained as “%s”, which does not mention “%s”",
             c->name, route (routes, 0)->explanation, c->explains);
}

/* The column refs of the table, one per category and Article 32(5). */
static void
test_refs (void)
{
  static const struct {
    const char *attribute;
    const char *ref;
  } refs[] = {
    { "default-ref", "Article 32(1)" },
    { "important-class-1-ref", "Article 32(2)" },
    { "important-class-2-ref", "Article 32(3)" },
    { "critical-ref", "Article 32(4)" },
    { "foss-annex-iii-ref", "Article 32(5)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    {
      const char *ref = cf_catalogue_get_section_attribute (catalogue, "Article32",
                                                            refs[i].attribute);

      g_assert_nonnull (ref);
      if (!g_str_has_prefix (ref, refs[i].ref))
        g_error ("%s is “%s”, not %s", refs[i].attribute, ref, refs[i].ref);
    }
}

static void
test_status_ids (void)
{
  g_assert_cmpstr (cf_route_status_to_id (CF_ROUTE_OPEN), ==, "open");
  g_assert_cmpstr (cf_route_status_to_id (CF_ROUTE_WHERE_AVAILABLE), ==, "where-available");
  g_assert_cmpstr (cf_route_status_to_id (CF_ROUTE_COVERED_REQUIREMENTS), ==,
                   "covered-requirements");
  g_assert_cmpstr (cf_route_status_to_id (CF_ROUTE_REQUIRED), ==, "required");
  g_assert_cmpstr (cf_route_status_to_id (CF_ROUTE_CLOSED), ==, "closed");
}

/* The essential requirements Article 32(2) weighs one by one. */
static void
test_requirements (void)
{
  g_autoptr(GPtrArray) requirements = cf_routing_list_requirements (catalogue);
  guint n_part_1 = 0, n_part_2 = 0;

  g_assert_cmpuint (requirements->len, ==, N_REQUIREMENTS);
  for (guint i = 0; i < requirements->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (requirements, i);
      const char *id = cf_catalogue_item_get_id (item);

      g_assert_cmpstr (cf_catalogue_item_get_kind (item), ==, "requirement");
      if (g_str_has_prefix (id, "AnnexI.PartI."))
        n_part_1++;
      else if (g_str_has_prefix (id, "AnnexI.PartII."))
        n_part_2++;
      else
        g_error ("%s is not an essential requirement of Annex I", id);
    }
  g_assert_cmpuint (n_part_1, ==, 1 + 13);
  g_assert_cmpuint (n_part_2, ==, 8);
  g_assert_cmpstr (cf_catalogue_item_get_id (g_ptr_array_index (requirements, 0)), ==,
                   "AnnexI.PartI.1");
}

#define ACT_REF "Delegated Regulation (EU) 2099/1"

/* The real catalogue with a delegated act under Article 8(1) added, as one
 * would be once the Commission adopts it. */
static CfCatalogue *
load_with_delegated_act (void)
{
  static const char act[] =
    "<item id=\"Art.8.1.test-act\" kind=\"delegated-act\" items=\"AnnexIV.3\" "
    "level=\"substantial\" "
    "ref=\"" ACT_REF "\"><text>Smartcards shall obtain a European "
    "cybersecurity certificate at assurance level ‘substantial’.</text></item>\n    ";
  const char *srcdir = g_getenv ("CONFORMITY_SRCDIR");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) xml = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *anchor;
  CfCatalogue *with_act;

  g_assert_nonnull (srcdir);
  path = g_build_filename (srcdir, "data", "cra-catalogue.xml", NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  xml = g_string_new (contents);
  anchor = strstr (xml->str, "<item id=\"Art.8.1\"");
  g_assert_nonnull (anchor);
  g_string_insert (xml, anchor - xml->str, act);

  bytes = g_bytes_new (xml->str, xml->len);
  with_act = cf_catalogue_load_bytes (bytes, "cra-catalogue-with-act.xml", &error);
  g_assert_no_error (error);
  g_assert_nonnull (cf_catalogue_lookup (with_act, "Art.8.1.test-act"));

  return with_act;
}

/* Article 32(4)(a): where a delegated act requires a certificate for the
 * product's Annex IV category, the scheme is the only way. */
static void
test_delegated_act (void)
{
  static const Case smartcard = {
    "critical/smartcard", CRITICAL, { "AnnexIV.3", NULL }, FALSE, FALSE, 0,
    { CLOSED, CLOSED, CLOSED, REQUIRED }, "eucc", ACT_REF, NULL
  };
  static const Case smartcard_and_box = {
    "critical/box-and-smartcard", CRITICAL, { "AnnexIV.1", "AnnexIV.3", NULL }, TRUE, TRUE,
    N_REQUIREMENTS,
    { CLOSED, CLOSED, CLOSED, REQUIRED }, "eucc", ACT_REF, NULL
  };
  g_autoptr(CfCatalogue) with_act = load_with_delegated_act ();
  const Case *required[] = { &smartcard, &smartcard_and_box };

  for (guint k = 0; k < G_N_ELEMENTS (required); k++)
    {
      g_autoptr(GPtrArray) routes = compute (with_act, required[k]);
      g_auto(GStrv) usable = cf_routing_usable_ids (routes);
      g_autofree char *joined = g_strjoinv (" ", usable);

      g_assert_cmpuint (routes->len, ==, 4);
      for (guint i = 0; i < routes->len; i++)
        {
          CfRoute *r = route (routes, i);

          if (r->status != required[k]->status[i])
            g_error ("%s: %s is “%s”, not “%s”", required[k]->name,
                     cf_procedure_to_id (r->procedure), cf_route_status_to_id (r->status),
                     cf_route_status_to_id (required[k]->status[i]));
          g_assert_cmpstr (r->ref, ==, ACT_REF);
          g_assert_nonnull (r->explanation);
        }
      g_assert_cmpstr (joined, ==, "eucc");
      g_assert_nonnull (strstr (route (routes, 3)->explanation, "Article 8(1)"));
    }
}

/* The act names AnnexIV.3 only: the other critical categories, and
 * products that are not critical, keep their procedures. */
static void
test_delegated_act_other_items (void)
{
  g_autoptr(CfCatalogue) with_act = load_with_delegated_act ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) routes = NULL;
      g_auto(GStrv) usable = NULL;
      g_autofree char *joined = NULL;

      if (cases[i].items[0] != NULL && g_str_equal (cases[i].items[0], "AnnexIV.3"))
        continue;

      routes = compute (with_act, &cases[i]);
      usable = cf_routing_usable_ids (routes);
      joined = g_strjoinv (" ", usable);
      for (guint r = 0; r < routes->len; r++)
        g_assert_cmpint (route (routes, r)->status, ==, cases[i].status[r]);
      g_assert_cmpstr (joined, ==, cases[i].usable);
      g_assert_nonnull (strstr (route (routes, 0)->ref, cases[i].ref));
    }

  /* An important product's item is never one of an Annex IV act. */
  {
    static const Case class_2 = {
      "class-2/tamper-resistant", CLASS_2, { "AnnexIII.ClassII.3", "AnnexIV.3", NULL },
      FALSE, FALSE, 0, { CLOSED, OPEN, OPEN, WHERE }, NOT_A, "Article 32(3)", NULL
    };
    g_autoptr(GPtrArray) routes = compute (with_act, &class_2);

    for (guint r = 0; r < routes->len; r++)
      g_assert_cmpint (route (routes, r)->status, ==, class_2.status[r]);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  catalogue = cf_catalogue_load_default (&error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/routing/", cases[i].name, NULL);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/routing/refs", test_refs);
  g_test_add_func ("/routing/status-ids", test_status_ids);
  g_test_add_func ("/routing/requirements", test_requirements);
  g_test_add_func ("/routing/delegated-act/required", test_delegated_act);
  g_test_add_func ("/routing/delegated-act/other-items", test_delegated_act_other_items);

  status = g_test_run ();

  g_clear_object (&catalogue);

  return status;
}
