/* cf-cli-scope.c — scope set, scope show
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-cli-private.h"

/* The question ids, for messages: "commercial, data-connection, …". */
static char *
dup_question_ids (GPtrArray *questions)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < questions->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                            cf_catalogue_item_get_attribute (g_ptr_array_index (questions, i),
                                                             "question"));

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* “  commercial  Article 2(1) and Article 3(22)”, one line per question. */
static char *
dup_question_table (GPtrArray *questions)
{
  g_autoptr(CfCliTable) table = cf_cli_table_new (2);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < questions->len; i++)
    {
      CfCatalogueItem *question = g_ptr_array_index (questions, i);

      cf_cli_table_add_row (table, (const char *[]) {
                              cf_catalogue_item_get_attribute (question, "question"),
                              cf_catalogue_item_get_ref (question) });
    }

  cf_cli_table_append (table, out, "  ");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Adds one question to @answers (question → answer, NULL to withdraw it).
 * Every mistake is a usage error naming what is accepted, and a question
 * named twice is one too: which answer was meant cannot be guessed. */
static gboolean
add_answer (CfCatalogue  *catalogue,
            GPtrArray    *questions,
            GHashTable   *answers,
            const char   *arg,
            gboolean      clear,
            GError      **error)
{
  g_autofree char *text = cf_cli_dup_text (arg);
  g_autofree char *question = NULL;
  g_autofree char *answer = NULL;
  char *equals = strchr (text, '=');

  if (clear && equals != NULL)
    {
      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("--clear takes a question alone, without an answer: “%s”."), text);
      return FALSE;
    }

  if (!clear && equals == NULL)
    {
      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("--answer takes QUESTION=ANSWER, e.g. spare-part=no, not “%s”."), text);
      return FALSE;
    }

  question = g_strstrip (g_strndup (text, equals ? (gsize) (equals - text) : strlen (text)));
  if (equals != NULL)
    answer = g_ascii_strdown (g_strstrip (equals + 1), -1);

  if (cf_scope_find_question (catalogue, question) == NULL)
    {
      g_autofree char *known = dup_question_ids (questions);

      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("“%s” is not a scope question (known: %s)."), question, known);
      return FALSE;
    }

  if (answer != NULL && !cf_scope_answer_is_valid (answer))
    {
      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("“%s” is not an answer to %s: answer yes, no or unsure."),
                   equals + 1, question);
      return FALSE;
    }

  if (g_hash_table_contains (answers, question))
    {
      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("The question %s is given more than once."), question);
      return FALSE;
    }

  g_hash_table_insert (answers, g_steal_pointer (&question), g_steal_pointer (&answer));

  return TRUE;
}

int
cf_cli_scope_set (CfCliContext        *ctx,
                  const CfCliCommand  *command,
                  int                  argc,
                  char               **argv)
{
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) answer_args = NULL;
  g_auto(GStrv) clear_args = NULL;
  g_autofree char *table = NULL;
  g_autofree char *description = NULL;
  const GOptionEntry entries[] = {
    { "answer", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &answer_args,
      N_("Answer a question: yes, no or unsure; repeat for several"), N_("QUESTION=ANSWER") },
    { "clear", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &clear_args,
      N_("Withdraw the answer to a question; repeat for several"), N_("QUESTION") },
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  gint64 id;
  int status;

  /* The questions live in the catalogue; --help lists them from there. */
  catalogue = cf_catalogue_load_default (&error);
  if (catalogue == NULL)
    return cf_cli_report (command->path, error);
  questions = cf_scope_list_questions (catalogue);
  table = dup_question_table (questions);

  description = g_strdup_printf (_("Answers the questions of Article 2 that decide whether the "
                                   "Regulation applies to the product. Questions not named keep "
                                   "their answers. Answer unsure where a lawyer should decide: "
                                   "the outcome is then “needs review”. “%s scope show ID” "
                                   "shows each question in full, with help.\n"
                                   "\n"
                                   "Questions:\n"
                                   "%s\n"
                                   "Example:\n"
                                   "  %s scope set 1 --answer commercial=yes "
                                   "--answer data-connection=yes --answer spare-part=no\n"),
                                 CF_CLI_NAME, table, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (answer_args == NULL && clear_args == NULL)
    return cf_cli_usage_error (command->path, "%s",
                               _("Nothing to record: give --answer QUESTION=ANSWER or "
                                 "--clear QUESTION."));

  answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; answer_args != NULL && answer_args[i] != NULL; i++)
    if (!add_answer (catalogue, questions, answers, answer_args[i], FALSE, &error))
      return cf_cli_report (command->path, error);
  for (guint i = 0; clear_args != NULL && clear_args[i] != NULL; i++)
    if (!add_answer (catalogue, questions, answers, clear_args[i], TRUE, &error))
      return cf_cli_report (command->path, error);

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  if (!cf_store_set_scope_answers (store, id, answers, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}

static const char *
answer_label (const char *answer)
{
  if (answer == NULL)
    return _("not answered");
  if (g_str_equal (answer, "yes"))
    return _("yes");
  if (g_str_equal (answer, "no"))
    return _("no");
  if (g_str_equal (answer, "unsure"))
    return _("unsure");

  return answer;
}

static void
print_scope (CfCatalogue     *catalogue,
             CfProductStatus *status)
{
  g_autoptr(CfCliTable) table = cf_cli_table_new_key_value ();
  g_autoptr(GPtrArray) questions = cf_scope_list_questions (catalogue);
  g_autofree char *display_name = cf_product_dup_display_name (status->product);
  g_autofree char *product_text = NULL;
  CfScopeResult *scope = status->scope;

  product_text = g_strdup_printf (_("%s (id %" PRId64 ")"), display_name,
                                  cf_record_get_id (CF_RECORD (status->product)));
  cf_cli_table_add_pair (table, _("Product"), product_text);
  cf_cli_table_add_pair (table, _("Scope"), cf_scope_outcome_get_label (scope->outcome));
  cf_cli_table_print (table);

  if (scope->reasons->len > 0)
    cf_cli_print ("\n%s\n", _("Why:"));

  /* The questions follow in full: here, their ids are enough. */
  if (scope->outcome == CF_SCOPE_INCOMPLETE)
    {
      g_autoptr(GString) ids = g_string_new (NULL);
      g_autofree char *line = NULL;

      for (guint i = 0; i < scope->reasons->len; i++)
        {
          CfScopeReason *reason = g_ptr_array_index (scope->reasons, i);

          g_string_append_printf (ids, "%s%s", ids->len > 0 ? ", " : "", reason->question);
        }
      line = g_strdup_printf (_("Not answered yet: %s."), ids->str);
      cf_cli_print_bullet (line, 2, CF_CLI_TEXT_WIDTH);
    }
  else
    for (guint i = 0; i < scope->reasons->len; i++)
      {
        CfScopeReason *reason = g_ptr_array_index (scope->reasons, i);
        /* Translators: a reason, then the article it rests on. */
        g_autofree char *line = g_strdup_printf (_("%s (%s)"), reason->text, reason->ref);

        cf_cli_print_bullet (line, 2, CF_CLI_TEXT_WIDTH);
      }

  cf_cli_print ("\n%s\n", _("Questions:"));
  for (guint i = 0; i < questions->len; i++)
    {
      CfCatalogueItem *question = g_ptr_array_index (questions, i);
      const char *id = cf_catalogue_item_get_attribute (question, "question");
      const char *answer = g_hash_table_lookup (status->answers, id);
      const char *help = cf_catalogue_item_get_help (question);

      g_autofree char *text = g_strdup_printf (_("%s (%s)"), cf_catalogue_item_get_text (question),
                                               cf_catalogue_item_get_ref (question));

      cf_cli_print ("\n  %s: %s\n", id, answer_label (answer));
      cf_cli_print_wrapped (text, 4, CF_CLI_TEXT_WIDTH);
      /* Help where an answer is still to be found, not where it was. */
      if (help != NULL && (answer == NULL || g_str_equal (answer, "unsure")))
        cf_cli_print_wrapped (help, 6, CF_CLI_TEXT_WIDTH);
    }
}

int
cf_cli_scope_show (CfCliContext        *ctx,
                   const CfCliCommand  *command,
                   int                  argc,
                   char               **argv)
{
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(CfProductStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  gint64 id;
  int exit_status;

  description = g_strdup_printf (_("Shows whether the Regulation applies to the product "
                                   "(Article 2), why, and every scope question with its "
                                   "answer. The outcome is in-scope, out-of-scope, "
                                   "needs-review (answers conflict, or one is unsure) or "
                                   "incomplete (questions not answered yet).\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s scope show 1 --json | jq -r .outcome\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL,
                             &argc, &argv, &exit_status))
    return exit_status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  catalogue = cf_catalogue_load_default (&error);
  if (catalogue == NULL)
    return cf_cli_report (command->path, error);

  status = cf_cli_load_product_status (ctx, catalogue, id, &error);
  if (status == NULL)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cf_cli_json_add_scope (builder, catalogue, status);
      cf_cli_json_print (builder);
    }
  else
    print_scope (catalogue, status);

  return CF_CLI_EXIT_OK;
}
