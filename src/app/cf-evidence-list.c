/* cf-evidence-list.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-evidence-list"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cf-error.h"
#include "cf-evidence-editor.h"
#include "cf-evidence-list.h"
#include "cf-requirement-assessment.h"

/* A write refused because the database is busy is tried again this much later. */
#define RETRY_DELAY_MS 1000

/* One file waiting to be copied in, or being copied. */
typedef struct
{
  GFile          *file;
  char           *name;
  gint64          product_id;
  gint64          evidence_id;   /* a new version of this item, or 0 for a new item */
  char           *requirement;   /* what a new item supports */
  gint            threat;
  GCancellable   *cancellable;
  GtkWidget      *row;
  GtkProgressBar *bar;
  GtkLabel       *state_label;
} Copy;

struct _CfEvidenceList
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkListBox          *list;
  GtkWidget           *drop_overlay;
  GtkLabel            *drop_label;

  CfContext           *context;
  gint64               product_id;
  char                *requirement;
  gint                 threat;
  gboolean             show_links;
  GListStore          *items;        /* of CfEvidence, as the rows show them */
  GPtrArray           *rows;         /* one per item, after the copies' rows */
  GQueue               copies;       /* of Copy; the head is being copied */
  GCancellable        *cancellable;  /* opening and saving */
};

G_DEFINE_FINAL_TYPE (CfEvidenceList, cf_evidence_list, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PRODUCT_ID,
  PROP_REQUIREMENT,
  PROP_THREAT,
  PROP_SHOW_LINKS,
  N_PROPS
};

enum {
  SIGNAL_ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void start_next_copy (CfEvidenceList *self);

static void
toast (CfEvidenceList *self,
       const char     *title)
{
  AdwToast *t = adw_toast_new (title);

  /* Refusals name files and limits; give them time to be read. */
  adw_toast_set_timeout (t, 6);
  g_signal_emit (self, signals [SIGNAL_ADD_TOAST], 0, t);
}

static GtkWindow *
get_window (CfEvidenceList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static CfEvidence *
find_item (CfEvidenceList *self,
           gint64          evidence_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(CfEvidence) evidence = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (cf_evidence_get_id (evidence) == evidence_id)
        return evidence;
    }

  return NULL;
}

static const char *
kind_icon (const char *kind)
{
  static const struct {
    const char *kind;
    const char *icon;
  } icons[] = {
    { "test-report", "applications-science-symbolic" },
    { "design-document", "x-office-drawing-symbolic" },
    { "policy", "x-office-document-symbolic" },
    { "penetration-test", "security-high-symbolic" },
    { "sbom", "package-x-generic-symbolic" },
    { "certificate", "application-certificate-symbolic" },
    { "screenshot", "image-x-generic-symbolic" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    if (g_strcmp0 (icons[i].kind, kind) == 0)
      return icons[i].icon;

  return "text-x-generic-symbolic";
}

static char *
format_size (guint64 size)
{
  return g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
}

/* The local day of a time stamp the store wrote, "2027-11-02". */
static char *
format_day (const char *iso8601)
{
  g_autoptr(GDateTime) utc = iso8601 ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso8601 ? iso8601 : "");

  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d");
}

static GDate *
today_new (void)
{
  GDate *today = g_date_new ();

  g_date_set_time_t (today, time (NULL));
  return today;
}

/* What a new item copied in by this list will support, in words. */
static char *
describe_target (CfEvidenceList *self,
                 const char     *requirement,
                 gint            threat)
{
  if (requirement != NULL)
    {
      CfCatalogueItem *item = cf_catalogue_lookup (cf_context_get_catalogue (self->context), requirement);
      g_autofree char *ref = item ? cf_requirement_short_ref (item) : g_strdup (requirement);

      /* Translators: a requirement's short reference, e.g. "For I (2)(d)" */
      return g_strdup_printf (_("For %s"), ref);
    }
  if (threat != 0)
    /* Translators: a threat's label, e.g. "For T3" */
    return g_strdup_printf (_("For T%d"), threat);

  return g_strdup (_("For the product; link it afterwards"));
}

/* "Supports I (1), I (2)(a); T1, T3": what the evidence view shows. */
static char *
describe_links (CfEvidenceList *self,
                CfEvidence     *evidence)
{
  CfCatalogue *catalogue = cf_context_get_catalogue (self->context);
  const char * const *requirements = cf_evidence_get_requirements (evidence);
  GArray *threats = cf_evidence_get_threats (evidence);
  g_autoptr(GString) refs = g_string_new (NULL);

  for (guint i = 0; requirements[i] != NULL; i++)
    {
      CfCatalogueItem *item = cf_catalogue_lookup (catalogue, requirements[i]);
      g_autofree char *ref = item ? cf_requirement_short_ref (item) : g_strdup (requirements[i]);

      g_string_append_printf (refs, "%s%s", i ? ", " : "", ref);
    }
  if (requirements[0] != NULL && threats->len > 0)
    g_string_append (refs, "; ");
  for (guint i = 0; i < threats->len; i++)
    g_string_append_printf (refs, "%sT%d", i ? ", " : "", g_array_index (threats, gint, i));

  if (refs->len == 0)
    return g_strdup (_("Not linked to a requirement or threat yet"));

  /* Translators: the requirements and threats an item supports, e.g. "Supports I (1), II (3); T2" */
  return g_strdup_printf (_("Supports %s"), refs->str);
}

/* Rows */

static GMenuModel *
item_menu (gint64 evidence_id)
{
  static const struct {
    const char *label;
    const char *action;
    guint       section;
  } entries[] = {
    { N_("_Open"), "evidence.open", 0 },
    { N_("_Save As…"), "evidence.save-as", 0 },
    { N_("Attach New _Version…"), "evidence.new-version", 1 },
    { N_("_Edit…"), "evidence.edit", 1 },
    { N_("_Copy SHA-256"), "evidence.copy-sha256", 2 },
    { N_("_Remove…"), "evidence.remove", 3 },
  };
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = NULL;
  guint current = G_MAXUINT;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(entries[i].label), NULL);

      if (entries[i].section != current)
        {
          g_clear_object (&section);
          section = g_menu_new ();
          g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
          current = entries[i].section;
        }
      g_menu_item_set_action_and_target_value (item, entries[i].action, g_variant_new_int64 (evidence_id));
      g_menu_append_item (section, item);
    }

  return G_MENU_MODEL (menu);
}

static GtkWidget *
evidence_row_new (CfEvidenceList *self,
                  CfEvidence     *evidence,
                  const GDate    *today)
{
  const CfEvidenceVersion *latest = cf_evidence_get_latest (evidence);
  gint64 id = cf_evidence_get_id (evidence);
  gboolean expired = cf_evidence_is_expired (evidence, today);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (kind_icon (cf_evidence_get_kind (evidence)));
  GtkWidget *hash_button, *hash_label, *open_button, *menu_button;
  g_autoptr(GMenuModel) menu = item_menu (id);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("evidence-%" G_GINT64_FORMAT, id);
  g_autofree char *size = format_size (latest ? latest->size : 0);
  g_autofree char *day = format_day (latest ? latest->added_at : NULL);
  g_autofree char *short_hash = NULL;
  g_autofree char *hash_tooltip = NULL;

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cf_evidence_get_title (evidence));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  /* Translators: an evidence item's kind, size, version and the day it was
   * added, e.g. "Test report · 2.9 KiB · version 2 · 2027-11-02" */
  g_string_append_printf (subtitle, _("%s · %s · version %d · %s"),
                          cf_evidence_kind_get_label (cf_evidence_get_kind (evidence)), size,
                          latest ? latest->version : 0, day);
  if (cf_evidence_get_valid_until (evidence) != NULL)
    {
      g_string_append (subtitle, " · ");
      /* Translators: the last day a certificate or report is valid */
      g_string_append_printf (subtitle, _("valid until %s"), cf_evidence_get_valid_until (evidence));
    }
  if (self->show_links)
    {
      g_autofree char *links = describe_links (self, evidence);

      g_string_append_printf (subtitle, "\n%s", links);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (icon, cf_evidence_kind_get_label (cf_evidence_get_kind (evidence)));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  /* In words as well as colour. */
  if (expired)
    {
      GtkWidget *tag = gtk_label_new (_("Expired"));
      g_autofree char *why = g_strdup_printf (_("Valid until %s: attach a current version"),
                                              cf_evidence_get_valid_until (evidence));

      gtk_widget_set_name (tag, "expired");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (tag, why);
      gtk_widget_add_css_class (tag, "expired-tag");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }

  /* Enough of the digest to compare at a glance; the whole of it is a
   * click away, for a report or an auditor. */
  short_hash = g_strndup (latest && latest->sha256 ? latest->sha256 : "", 12);
  hash_label = gtk_label_new (short_hash);
  gtk_widget_add_css_class (hash_label, "monospace");
  gtk_widget_add_css_class (hash_label, "caption");
  hash_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (hash_button), hash_label);
  gtk_widget_set_name (hash_button, "sha256");
  gtk_widget_set_valign (hash_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (hash_button, "flat");
  gtk_widget_add_css_class (hash_button, "dim-label");
  /* Translators: the full digest follows; clicking the button copies it */
  hash_tooltip = g_strdup_printf (_("SHA-256 %s\nClick to copy"),
                                  latest && latest->sha256 ? latest->sha256 : "");
  gtk_widget_set_tooltip_text (hash_button, hash_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (hash_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copy SHA-256"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (hash_button), "evidence.copy-sha256");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (hash_button), "x", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), hash_button);

  open_button = gtk_button_new_from_icon_name ("document-open-symbolic");
  gtk_widget_set_name (open_button, "open");
  gtk_widget_set_valign (open_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open_button, "flat");
  gtk_widget_set_tooltip_text (open_button, _("Open a Read-Only Copy"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (open_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  C_("action", "Open"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open_button), "evidence.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open_button), "x", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open_button);

  menu_button = gtk_menu_button_new ();
  gtk_widget_set_name (menu_button, "menu");
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("More"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  g_object_set_data_full (G_OBJECT (row), "evidence", g_object_ref (evidence), g_object_unref);

  return row;
}

static gint64
selected_id (CfEvidenceList *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  CfEvidence *evidence = row ? g_object_get_data (G_OBJECT (row), "evidence") : NULL;

  return evidence ? cf_evidence_get_id (evidence) : 0;
}

static gboolean
matches_filter (CfEvidenceList *self,
                CfEvidence     *evidence)
{
  if (self->requirement != NULL)
    return cf_evidence_has_requirement (evidence, self->requirement);
  if (self->threat != 0)
    return cf_evidence_has_threat (evidence, self->threat);

  return TRUE;
}

/* Selects the item's row; only a jump asked for by the user moves the
 * focus, never a reload under the user's hands. */
static gboolean
select_row (CfEvidenceList *self,
            gint64          evidence_id,
            gboolean        focus)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      CfEvidence *evidence = g_object_get_data (G_OBJECT (row), "evidence");

      if (cf_evidence_get_id (evidence) == evidence_id)
        {
          gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
          if (focus)
            gtk_widget_grab_focus (row);
          return TRUE;
        }
    }

  return FALSE;
}

static void
reload (CfEvidenceList *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = today_new ();
  gint64 selected = selected_id (self);

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->product_id != 0)
    {
      all = cf_store_list_evidence (cf_context_get_store (self->context), self->product_id, &error);
      if (all == NULL)
        toast (self, error->message);
    }

  for (guint i = 0; all != NULL && i < all->len; i++)
    if (matches_filter (self, g_ptr_array_index (all, i)))
      g_ptr_array_add (shown, g_ptr_array_index (all, i));

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       shown->pdata, shown->len);

  for (guint i = 0; i < shown->len; i++)
    {
      GtkWidget *row = evidence_row_new (self, g_ptr_array_index (shown, i), today);

      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }

  if (selected != 0)
    select_row (self, selected, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.attach", self->product_id != 0);
}

/* Copying files in, one after the other */

static void
copy_free (Copy *copy)
{
  g_clear_object (&copy->file);
  g_clear_object (&copy->cancellable);
  g_free (copy->name);
  g_free (copy->requirement);
  g_free (copy);
}

static void
show_progress (Copy    *copy,
               guint64  done,
               guint64  total)
{
  g_autofree char *done_text = format_size (done);
  g_autofree char *total_text = format_size (total);
  g_autofree char *text = NULL;

  /* Translators: how much of a file was copied, e.g. "120.0 MiB of 1.0 GiB" */
  text = g_strdup_printf (_("%s of %s"), done_text, total_text);
  gtk_progress_bar_set_fraction (copy->bar, total > 0 ? (double) done / (double) total : 1.0);
  gtk_progress_bar_set_text (copy->bar, text);
}

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  show_progress (user_data, done, total);
}

static void
cancel_copy_cb (CfEvidenceList *self,
                GtkButton      *button)
{
  Copy *copy = g_object_get_data (G_OBJECT (button), "copy");
  GList *link = g_queue_find (&self->copies, copy);

  if (link == NULL)
    return;

  /* The one being copied stops, and its callback tidies up; the others
   * simply leave the queue. */
  if (link == self->copies.head)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
      gtk_label_set_text (copy->state_label, _("Cancelling…"));
      g_cancellable_cancel (copy->cancellable);
      return;
    }

  g_queue_delete_link (&self->copies, link);
  gtk_list_box_remove (self->list, copy->row);
  copy_free (copy);
}

static GtkWidget *
copy_row_new (CfEvidenceList *self,
              Copy           *copy)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name ("folder-download-symbolic");
  GtkWidget *title = gtk_label_new (copy->name);
  GtkWidget *state = gtk_label_new (NULL);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_autofree char *target = NULL;
  g_autofree char *a11y = NULL;

  if (copy->evidence_id != 0)
    {
      CfEvidence *evidence = find_item (self, copy->evidence_id);

      /* Translators: the item a new version is attached to */
      target = g_strdup_printf (_("New version of “%s”"), evidence ? cf_evidence_get_title (evidence) : "");
    }
  else
    target = describe_target (self, copy->requirement, copy->threat);

  gtk_widget_set_name (row, "copy");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (state), 0);
  gtk_label_set_ellipsize (GTK_LABEL (state), PANGO_ELLIPSIZE_END);
  gtk_label_set_text (GTK_LABEL (state), target);
  gtk_widget_add_css_class (state, "caption");
  gtk_widget_add_css_class (state, "dim-label");
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (bar), _("Waiting"));
  gtk_widget_add_css_class (bar, "evidence-progress");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_set_name (cancel, "cancel-copy");
  /* Translators: the file whose copy the button stops */
  a11y = g_strdup_printf (_("Cancel copying “%s”"), copy->name);
  gtk_widget_set_tooltip_text (cancel, a11y);
  g_object_set_data (G_OBJECT (cancel), "copy", copy);
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (cancel_copy_cb), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), state);
  gtk_box_append (GTK_BOX (labels), bar);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  copy->bar = GTK_PROGRESS_BAR (bar);
  copy->state_label = GTK_LABEL (state);
  return row;
}

/* Refusals name the file: the core's messages mostly do already. */
static void
report_refusal (CfEvidenceList *self,
                Copy           *copy,
                const GError   *error)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup_printf (_("Copying “%s” was cancelled. Nothing was stored."), copy->name);
  else if (strstr (error->message, copy->name) != NULL)
    message = g_strdup (error->message);
  else
    /* Translators: a file name, then why it could not be attached */
    message = g_strdup_printf (_("“%s” was not attached: %s"), copy->name, error->message);

  toast (self, message);
}

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(CfEvidenceList) self = user_data;
  g_autoptr(GError) error = NULL;
  Copy *copy = g_queue_pop_head (&self->copies);
  gint64 id;

  g_assert (copy != NULL);

  id = cf_store_add_evidence_finish (CF_STORE (source), result, &error);

  /* Disposed meanwhile: its rows are gone and nobody listens. */
  if (self->context == NULL)
    {
      copy_free (copy);
      return;
    }

  gtk_list_box_remove (self->list, copy->row);
  /* GTask's integer result is -1 on failure, not 0 like the store's own. */
  if (id <= 0)
    report_refusal (self, copy, error);
  else
    {
      /* The store's "changed" may still be on its way: show it now. */
      reload (self);
      if (copy->evidence_id != 0)
        {
          CfEvidence *evidence = find_item (self, id);
          g_autofree char *message = NULL;

          if (evidence != NULL)
            {
              /* Translators: a version number and an evidence item's title */
              message = g_strdup_printf (_("Version %d of “%s” attached"),
                                         cf_evidence_get_latest (evidence)->version,
                                         cf_evidence_get_title (evidence));
              toast (self, message);
            }
        }
    }
  copy_free (copy);

  start_next_copy (self);
}

static void
start_next_copy (CfEvidenceList *self)
{
  Copy *copy = g_queue_peek_head (&self->copies);
  g_autoptr(CfEvidence) item = NULL;

  if (copy == NULL)
    return;

  gtk_progress_bar_set_text (copy->bar, _("Starting"));
  if (copy->evidence_id == 0)
    {
      /* Title and kind come from the file; the user corrects them later. */
      item = cf_evidence_new ();
      if (copy->requirement != NULL)
        cf_evidence_set_requirements (item, (const char * const []) { copy->requirement, NULL });
      if (copy->threat != 0)
        cf_evidence_set_threats (item, &copy->threat, 1);
    }

  cf_store_add_evidence_async (cf_context_get_store (self->context), copy->product_id, item,
                               copy->evidence_id, copy->file, copy->cancellable,
                               progress_cb, copy, added_cb, g_object_ref (self));
}

static void
enqueue (CfEvidenceList *self,
         GFile          *file,
         gint64          evidence_id)
{
  Copy *copy = g_new0 (Copy, 1);
  guint position = g_queue_get_length (&self->copies);

  copy->file = g_object_ref (file);
  copy->name = g_file_get_basename (file);
  copy->product_id = self->product_id;
  copy->evidence_id = evidence_id;
  copy->requirement = evidence_id ? NULL : g_strdup (self->requirement);
  copy->threat = evidence_id || self->requirement ? 0 : self->threat;
  copy->cancellable = g_cancellable_new ();
  copy->row = copy_row_new (self, copy);

  /* Copies come first, in the order they will run. */
  gtk_list_box_insert (self->list, copy->row, (int) position);
  g_queue_push_tail (&self->copies, copy);

  if (position == 0)
    start_next_copy (self);
}

/* Choosing files */

static GSList *
list_files (GListModel *model)
{
  GSList *files = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    files = g_slist_prepend (files, g_list_model_get_item (model, i));

  return g_slist_reverse (files);
}

static void
attach_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(CfEvidenceList) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->context != NULL)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      GSList *files = list_files (chosen);

      cf_evidence_list_attach_files (self, files);
      g_slist_free_full (files, g_object_unref);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
attach_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CfEvidenceList *self = CF_EVIDENCE_LIST (widget);
  GtkFileChooserNative *dialog;

  if (self->product_id == 0)
    return;

  dialog = gtk_file_chooser_native_new (_("Attach Evidence"), get_window (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (attach_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
new_version_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         gpointer         user_data)
{
  g_autoptr(CfEvidenceList) self = user_data;
  gint64 evidence_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "evidence-id");

  if (response == GTK_RESPONSE_ACCEPT && self->context != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      enqueue (self, file, evidence_id);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
new_version_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CfEvidenceList *self = CF_EVIDENCE_LIST (widget);
  CfEvidence *evidence = find_item (self, g_variant_get_int64 (parameter));
  GtkFileChooserNative *dialog;

  if (evidence == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Attach New Version"), get_window (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "evidence-id",
                          g_memdup2 (&(gint64) { cf_evidence_get_id (evidence) }, sizeof (gint64)), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (new_version_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Opening and saving a copy */

typedef struct
{
  CfEvidenceList *self;
  GFile          *file;
} Transfer;

static void
transfer_free (Transfer *transfer)
{
  g_object_unref (transfer->self);
  g_object_unref (transfer->file);
  g_free (transfer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Transfer, transfer_free)

static Transfer *
transfer_new (CfEvidenceList *self,
              GFile          *file)
{
  Transfer *transfer = g_new0 (Transfer, 1);

  transfer->self = g_object_ref (self);
  transfer->file = g_object_ref (file);
  return transfer;
}

/* A name that stays inside the folder it is written to. */
static char *
safe_file_name (CfEvidence *evidence)
{
  const CfEvidenceVersion *latest = cf_evidence_get_latest (evidence);
  char *name = g_strdup (latest && latest->file_name && *latest->file_name ? latest->file_name : "evidence");

  g_strdelimit (name, "/\\", '_');
  if (g_str_equal (name, ".") || g_str_equal (name, ".."))
    {
      g_free (name);
      name = g_strdup ("evidence");
    }

  return name;
}

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CfEvidenceList) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);
}

/* Every list alive, to know whether any copy is under way anywhere, and
 * the temporary folders Open made, to remove when the application ends. */
static GList *all_lists;
static GPtrArray *opened_folders;

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Transfer) transfer = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkAppLaunchContext) launch = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  CfEvidenceList *self = transfer->self;

  if (!cf_store_save_evidence_finish (CF_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  /* A viewer that saves would change only this copy, never the evidence;
   * read-only, it says so before anyone tries. */
  path = g_file_get_path (transfer->file);
  g_chmod (path, 0400);

  uri = g_file_get_uri (transfer->file);
  launch = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (launch), self->cancellable,
                                           launched_cb, g_object_ref (self));
}

/* The default viewer needs a file: the verified latest version goes to a
 * folder of its own in the temporary directory, then opens from there. */
static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CfEvidenceList *self = CF_EVIDENCE_LIST (widget);
  CfEvidence *evidence = find_item (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (evidence == NULL)
    return;

  folder = g_dir_make_tmp ("conformity-evidence-XXXXXX", &error);
  if (folder == NULL)
    {
      toast (self, error->message);
      return;
    }
  if (opened_folders == NULL)
    opened_folders = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (opened_folders, g_strdup (folder));

  name = safe_file_name (evidence);
  path = g_build_filename (folder, name, NULL);
  file = g_file_new_for_path (path);
  cf_store_save_evidence_async (cf_context_get_store (self->context), cf_evidence_get_id (evidence), 0, file,
                                self->cancellable, opened_cb, transfer_new (self, file));
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Transfer) transfer = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!cf_store_save_evidence_finish (CF_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (transfer->self, error->message);
      return;
    }

  name = g_file_get_basename (transfer->file);
  message = g_strdup_printf (_("Saved “%s”"), name);
  toast (transfer->self, message);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(CfEvidenceList) self = user_data;
  gint64 evidence_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "evidence-id");

  if (response == GTK_RESPONSE_ACCEPT && self->context != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      cf_store_save_evidence_async (cf_context_get_store (self->context), evidence_id, 0, file,
                                    self->cancellable, saved_cb, transfer_new (self, file));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_as_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CfEvidenceList *self = CF_EVIDENCE_LIST (widget);
  CfEvidence *evidence = find_item (self, g_variant_get_int64 (parameter));
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (evidence == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Save Evidence"), get_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  name = safe_file_name (evidence);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "evidence-id",
                          g_memdup2 (&(gint64) { cf_evidence_get_id (evidence) }, sizeof (gint64)), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Editing, copying the digest, removing */

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CfEvidenceList *self = CF_EVIDENCE_LIST (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfEvidence) evidence = NULL;
  CfEvidenceEditor *editor;

  /* Fresh from the store: the form starts from what is stored now. */
  evidence = cf_store_get_evidence (cf_context_get_store (self->context), g_variant_get_int64 (parameter),
                                    &error);
  if (evidence == NULL)
    {
      toast (self, error->message);
      return;
    }

  editor = cf_evidence_editor_new (get_window (self), self->context, evidence);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
copy_sha256_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CfEvidenceList *self = CF_EVIDENCE_LIST (widget);
  CfEvidence *evidence = find_item (self, g_variant_get_int64 (parameter));
  const CfEvidenceVersion *latest = evidence ? cf_evidence_get_latest (evidence) : NULL;
  g_autofree char *message = NULL;

  if (latest == NULL || latest->sha256 == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), latest->sha256);
  /* Translators: an evidence item's title */
  message = g_strdup_printf (_("SHA-256 of “%s” copied"), cf_evidence_get_title (evidence));
  toast (self, message);
}

/* What removing needs once the list may have moved on. */
typedef struct
{
  CfEvidenceList *self;
  gint64          evidence_id;
  char           *title;
  gboolean        answered;
  gboolean        waiting;    /* handed to a timeout: the database is busy */
} Removal;

static void
removal_free (Removal *removal)
{
  g_object_unref (removal->self);
  g_free (removal->title);
  g_free (removal);
}

static void
removal_closure_free (gpointer  user_data,
                      GClosure *closure)
{
  Removal *removal = user_data;

  /* A removal waiting for the database lives on in its timeout. */
  if (!removal->waiting)
    removal_free (removal);
}

/* Returns whether to try again. */
static gboolean
remove_now (Removal *removal)
{
  g_autoptr(GError) error = NULL;
  CfEvidenceList *self = removal->self;

  if (self->context == NULL ||
      cf_store_remove_evidence (cf_context_get_store (self->context), removal->evidence_id, &error))
    return G_SOURCE_REMOVE;

  /* Another program holds the database: wait for it rather than fail. */
  if (g_error_matches (error, CF_ERROR, CF_ERROR_BUSY))
    {
      if (!removal->waiting)
        {
          g_autofree char *message = NULL;

          /* Translators: an evidence item's title */
          message = g_strdup_printf (_("The project database is busy; “%s” will be removed as soon as "
                                       "it is free"), removal->title);
          toast (self, message);
        }
      return G_SOURCE_CONTINUE;
    }

  toast (self, error->message);
  return G_SOURCE_REMOVE;
}

static gboolean
remove_retry_cb (gpointer user_data)
{
  return remove_now (user_data);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Removal          *removal)
{
  /* The dialog may report its close as a second response: act once. */
  if (removal->answered)
    return;
  removal->answered = TRUE;

  if (g_strcmp0 (response, "remove") != 0)
    return;

  if (remove_now (removal) == G_SOURCE_CONTINUE)
    {
      removal->waiting = TRUE;
      g_timeout_add_full (G_PRIORITY_DEFAULT, RETRY_DELAY_MS, remove_retry_cb, removal,
                          (GDestroyNotify) removal_free);
    }
}

static void
remove_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CfEvidenceList *self = CF_EVIDENCE_LIST (widget);
  CfEvidence *evidence = find_item (self, g_variant_get_int64 (parameter));
  const CfEvidenceVersion *latest;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  Removal *removal;
  int n_versions;

  if (evidence == NULL)
    return;

  latest = cf_evidence_get_latest (evidence);
  n_versions = latest ? latest->version : 1;
  /* Translators: an evidence item's title */
  heading = g_strdup_printf (_("Remove “%s”?"), cf_evidence_get_title (evidence));
  body = g_strdup_printf (ngettext ("Its stored file will be deleted from the project. The audit log keeps "
                                    "its title and SHA-256, so the removal can be traced.",
                                    "All %d stored versions will be deleted from the project. The audit log "
                                    "keeps its title and the SHA-256 of each version, so the removal can be "
                                    "traced.",
                                    n_versions),
                          n_versions);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  removal = g_new0 (Removal, 1);
  removal->self = g_object_ref (self);
  removal->evidence_id = cf_evidence_get_id (evidence);
  removal->title = g_strdup (cf_evidence_get_title (evidence));
  g_signal_connect_data (dialog, "response", G_CALLBACK (remove_response_cb), removal,
                         removal_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Dropping files */

static void
show_drop_highlight (CfEvidenceList *self,
                     gboolean        show)
{
  gtk_widget_set_visible (self->drop_overlay, show);
  if (show)
    gtk_widget_add_css_class (GTK_WIDGET (self->list), "drop-highlight");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->list), "drop-highlight");
}

static GdkDragAction
drop_enter_cb (CfEvidenceList *self,
               double          x,
               double          y,
               GtkDropTarget  *target)
{
  g_autofree char *where = NULL;

  if (self->product_id == 0)
    return 0;

  where = describe_target (self, self->requirement, self->requirement ? 0 : self->threat);
  gtk_label_set_text (self->drop_label, where);
  show_drop_highlight (self, TRUE);

  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (CfEvidenceList *self,
               GtkDropTarget  *target)
{
  show_drop_highlight (self, FALSE);
}

static gboolean
drop_cb (CfEvidenceList *self,
         const GValue   *value,
         double          x,
         double          y,
         GtkDropTarget  *target)
{
  show_drop_highlight (self, FALSE);

  if (self->product_id == 0)
    return FALSE;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      cf_evidence_list_attach_files (self, files);
      g_slist_free (files);
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      GSList one = { g_value_get_object (value), NULL };

      cf_evidence_list_attach_files (self, &one);
      return TRUE;
    }

  return FALSE;
}

/* GObject */

static void
evidence_changed_cb (CfEvidenceList *self,
                     gint64          id,
                     CfStore        *store)
{
  /* Disposed, the list has nothing to show it in. */
  if (self->context != NULL && id == self->product_id && self->product_id != 0)
    reload (self);
}

/* Threats come and go with the risk register: the links shown follow. */
static void
assessment_changed_cb (CfEvidenceList *self,
                       gint64          id,
                       CfStore        *store)
{
  if (self->context != NULL && self->show_links && id == self->product_id && self->product_id != 0)
    reload (self);
}

static void
cf_evidence_list_constructed (GObject *object)
{
  CfEvidenceList *self = CF_EVIDENCE_LIST (object);
  CfStore *store = cf_context_get_store (self->context);

  G_OBJECT_CLASS (cf_evidence_list_parent_class)->constructed (object);

  g_signal_connect_object (store, "changed::evidence", G_CALLBACK (evidence_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::assessment", G_CALLBACK (assessment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

static void
cf_evidence_list_dispose (GObject *object)
{
  CfEvidenceList *self = CF_EVIDENCE_LIST (object);
  Copy *running = g_queue_pop_head (&self->copies);
  Copy *waiting;

  all_lists = g_list_remove (all_lists, self);

  /* The copy under way is cancelled and leaves nothing; its callback,
   * which holds a reference, frees it. The others never start. */
  if (running != NULL)
    g_cancellable_cancel (running->cancellable);
  while ((waiting = g_queue_pop_head (&self->copies)) != NULL)
    copy_free (waiting);
  if (running != NULL)
    g_queue_push_head (&self->copies, running);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (cf_evidence_list_parent_class)->dispose (object);
}

static void
cf_evidence_list_finalize (GObject *object)
{
  CfEvidenceList *self = CF_EVIDENCE_LIST (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->requirement);

  G_OBJECT_CLASS (cf_evidence_list_parent_class)->finalize (object);
}

static void
cf_evidence_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CfEvidenceList *self = CF_EVIDENCE_LIST (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;

    case PROP_REQUIREMENT:
      g_value_set_string (value, self->requirement);
      break;

    case PROP_THREAT:
      g_value_set_int (value, self->threat);
      break;

    case PROP_SHOW_LINKS:
      g_value_set_boolean (value, self->show_links);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_evidence_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CfEvidenceList *self = CF_EVIDENCE_LIST (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_PRODUCT_ID:
      cf_evidence_list_set_product_id (self, g_value_get_int64 (value));
      break;

    case PROP_REQUIREMENT:
      cf_evidence_list_set_requirement (self, g_value_get_string (value));
      break;

    case PROP_THREAT:
      cf_evidence_list_set_threat (self, g_value_get_int (value));
      break;

    case PROP_SHOW_LINKS:
      cf_evidence_list_set_show_links (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_evidence_list_class_init (CfEvidenceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cf_evidence_list_constructed;
  object_class->dispose = cf_evidence_list_dispose;
  object_class->finalize = cf_evidence_list_finalize;
  object_class->get_property = cf_evidence_list_get_property;
  object_class->set_property = cf_evidence_list_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CF_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_REQUIREMENT] =
    g_param_spec_string ("requirement", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_THREAT] =
    g_param_spec_int ("threat", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_SHOW_LINKS] =
    g_param_spec_boolean ("show-links", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfEvidenceList::add-toast:
   * @toast: the toast to show
   *
   * The list reports refusals and results through the window's toast
   * overlay, via this signal.
   */
  signals [SIGNAL_ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_install_action (widget_class, "evidence.attach", NULL, attach_action_cb);
  gtk_widget_class_install_action (widget_class, "evidence.open", "x", open_action_cb);
  gtk_widget_class_install_action (widget_class, "evidence.save-as", "x", save_as_action_cb);
  gtk_widget_class_install_action (widget_class, "evidence.new-version", "x", new_version_action_cb);
  gtk_widget_class_install_action (widget_class, "evidence.edit", "x", edit_action_cb);
  gtk_widget_class_install_action (widget_class, "evidence.copy-sha256", "x", copy_sha256_action_cb);
  gtk_widget_class_install_action (widget_class, "evidence.remove", "x", remove_action_cb);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-evidence-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceList, list);
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceList, drop_overlay);
  gtk_widget_class_bind_template_child (widget_class, CfEvidenceList, drop_label);
}

static void
cf_evidence_list_init (CfEvidenceList *self)
{
  GtkDropTarget *target;
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  all_lists = g_list_prepend (all_lists, self);
  self->items = g_list_store_new (CF_TYPE_EVIDENCE);
  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->copies);

  placeholder = gtk_label_new (_("No evidence yet. Drop files here or attach them."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_name (placeholder, "placeholder");
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "list-placeholder");
  gtk_list_box_set_placeholder (self->list, placeholder);

  /* A file manager offers a list of files; some programs a single one. */
  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, (GType []) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect_object (target, "enter", G_CALLBACK (drop_enter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.attach", FALSE);
}

GtkWidget *
cf_evidence_list_new (CfContext *context)
{
  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  return g_object_new (CF_TYPE_EVIDENCE_LIST, "context", context, NULL);
}

gint64
cf_evidence_list_get_product_id (CfEvidenceList *self)
{
  g_return_val_if_fail (CF_IS_EVIDENCE_LIST (self), 0);
  return self->product_id;
}

/**
 * cf_evidence_list_set_product_id:
 *
 * Shows @product_id's evidence. Copies under way carry on for the
 * product they were started for.
 */
void
cf_evidence_list_set_product_id (CfEvidenceList *self,
                                 gint64          product_id)
{
  g_return_if_fail (CF_IS_EVIDENCE_LIST (self));

  if (self->product_id == product_id)
    return;

  self->product_id = product_id;
  if (self->context != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PRODUCT_ID]);
}

const char *
cf_evidence_list_get_requirement (CfEvidenceList *self)
{
  g_return_val_if_fail (CF_IS_EVIDENCE_LIST (self), NULL);
  return self->requirement;
}

/**
 * cf_evidence_list_set_requirement:
 * @requirement: (nullable): a requirement id, "AnnexI.PartI.2.d"
 *
 * Shows only the evidence supporting @requirement; what is attached here
 * supports it. It takes precedence over the threat.
 */
void
cf_evidence_list_set_requirement (CfEvidenceList *self,
                                  const char     *requirement)
{
  g_return_if_fail (CF_IS_EVIDENCE_LIST (self));

  if (g_strcmp0 (self->requirement, requirement) == 0)
    return;

  g_free (self->requirement);
  self->requirement = g_strdup (requirement);
  if (self->context != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REQUIREMENT]);
}

gint
cf_evidence_list_get_threat (CfEvidenceList *self)
{
  g_return_val_if_fail (CF_IS_EVIDENCE_LIST (self), 0);
  return self->threat;
}

/**
 * cf_evidence_list_set_threat:
 * @number: a threat's number, 3 for "T3", or 0
 *
 * Shows only the evidence for threat @number; what is attached here is
 * linked to it. With neither a requirement nor a threat, the list shows
 * all the product's evidence.
 */
void
cf_evidence_list_set_threat (CfEvidenceList *self,
                             gint            number)
{
  g_return_if_fail (CF_IS_EVIDENCE_LIST (self));

  if (self->threat == number)
    return;

  self->threat = number;
  if (self->context != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_THREAT]);
}

gboolean
cf_evidence_list_get_show_links (CfEvidenceList *self)
{
  g_return_val_if_fail (CF_IS_EVIDENCE_LIST (self), FALSE);
  return self->show_links;
}

/**
 * cf_evidence_list_set_show_links:
 *
 * Whether each row says which requirements and threats its item supports.
 */
void
cf_evidence_list_set_show_links (CfEvidenceList *self,
                                 gboolean        show_links)
{
  g_return_if_fail (CF_IS_EVIDENCE_LIST (self));

  show_links = !!show_links;
  if (self->show_links == show_links)
    return;

  self->show_links = show_links;
  if (self->context != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_LINKS]);
}

/**
 * cf_evidence_list_get_items:
 *
 * Returns: (transfer none): the items the list shows, of #CfEvidence
 */
GListModel *
cf_evidence_list_get_items (CfEvidenceList *self)
{
  g_return_val_if_fail (CF_IS_EVIDENCE_LIST (self), NULL);
  return G_LIST_MODEL (self->items);
}

/**
 * cf_evidence_list_attach_files:
 * @files: (element-type GFile): the files to copy in
 *
 * Copies each file into the project as a new item, one after the other,
 * linked to the list's requirement or threat. What the Attach button and
 * dropping files do.
 */
void
cf_evidence_list_attach_files (CfEvidenceList *self,
                               GSList         *files)
{
  g_return_if_fail (CF_IS_EVIDENCE_LIST (self));
  g_return_if_fail (self->product_id != 0);

  for (GSList *l = files; l != NULL; l = l->next)
    enqueue (self, l->data, 0);
}

/**
 * cf_evidence_list_count_all_copies:
 *
 * Returns: how many files wait or are being copied in, in all lists
 */
guint
cf_evidence_list_count_all_copies (void)
{
  guint n = 0;

  for (GList *l = all_lists; l != NULL; l = l->next)
    n += cf_evidence_list_get_n_copies (l->data);

  return n;
}

/**
 * cf_evidence_list_remove_opened_copies:
 *
 * Removes the read-only copies Open gave the default viewer: they are
 * copies of what the project holds, and should not outlive the session.
 */
void
cf_evidence_list_remove_opened_copies (void)
{
  for (guint i = 0; opened_folders != NULL && i < opened_folders->len; i++)
    {
      const char *folder = g_ptr_array_index (opened_folders, i);
      GDir *dir = g_dir_open (folder, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);

          g_unlink (path);
        }
      if (dir != NULL)
        g_dir_close (dir);
      g_rmdir (folder);
    }
  g_clear_pointer (&opened_folders, g_ptr_array_unref);
}

/**
 * cf_evidence_list_get_n_copies:
 *
 * Returns: how many files are waiting to be copied in or being copied
 */
guint
cf_evidence_list_get_n_copies (CfEvidenceList *self)
{
  g_return_val_if_fail (CF_IS_EVIDENCE_LIST (self), 0);
  return g_queue_get_length (&self->copies);
}

/**
 * cf_evidence_list_select:
 *
 * Selects the item's row and moves the focus to it, so that a scrolled
 * window brings it into view.
 *
 * Returns: whether the list shows that item
 */
gboolean
cf_evidence_list_select (CfEvidenceList *self,
                         gint64          evidence_id)
{
  g_return_val_if_fail (CF_IS_EVIDENCE_LIST (self), FALSE);

  return select_row (self, evidence_id, TRUE);
}
