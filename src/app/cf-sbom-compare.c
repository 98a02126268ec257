/* cf-sbom-compare.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-sbom-compare"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-sbom-compare.h"
#include "cf-sbom-diff.h"
#include "cf-sbom-view.h"

struct _CfSbomCompare
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkDropDown    *older_dropdown;
  GtkDropDown    *newer_dropdown;
  GtkLabel       *summary_label;
  GtkStack       *stack;
  GtkTextView    *text_view;
  AdwStatusPage  *error_page;

  CfStore        *store;
  GPtrArray      *sboms;      /* CfSbomInfo*, newest first */
  GHashTable     *loaded;     /* sbom id → CfSbom, read once each */
  gboolean        filling;
};

G_DEFINE_FINAL_TYPE (CfSbomCompare, cf_sbom_compare, ADW_TYPE_WINDOW)

/* Drop-downs */

static void
setup_button_item_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
setup_list_item_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (label), text);
  if (gtk_label_get_ellipsize (GTK_LABEL (label)) != PANGO_ELLIPSIZE_NONE)
    gtk_widget_set_tooltip_text (label, text);
}

/**
 * cf_sbom_compare_set_up_drop_down:
 *
 * Gives a drop-down over a #GtkStringList of long labels an ellipsized
 * button, so that it never widens its window, and a list that shows the
 * labels whole.
 */
void
cf_sbom_compare_set_up_drop_down (GtkDropDown *drop_down)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (setup_button_item_cb), NULL);
  g_signal_connect (button, "bind", G_CALLBACK (bind_item_cb), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (setup_list_item_cb), NULL);
  g_signal_connect (list, "bind", G_CALLBACK (bind_item_cb), NULL);
  gtk_drop_down_set_factory (drop_down, button);
  gtk_drop_down_set_list_factory (drop_down, list);
}

/* Comparing */

static const CfSbomInfo *
get_info (CfSbomCompare *self,
          GtkDropDown   *drop_down)
{
  guint position = gtk_drop_down_get_selected (drop_down);

  if (self->sboms == NULL || position >= self->sboms->len)
    return NULL;

  return g_ptr_array_index (self->sboms, position);
}

static CfSbom *
load (CfSbomCompare  *self,
      gint64          sbom_id,
      GError        **error)
{
  CfSbom *sbom = g_hash_table_lookup (self->loaded, &sbom_id);

  if (sbom == NULL)
    {
      sbom = cf_store_load_sbom (self->store, sbom_id, error);
      if (sbom != NULL)
        g_hash_table_insert (self->loaded, g_memdup2 (&sbom_id, sizeof sbom_id), sbom);
    }

  return sbom;
}

static void
show_error (CfSbomCompare *self,
            const char    *title,
            const char    *message)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, message);
  gtk_label_set_text (self->summary_label, "");
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
insert_line (GtkTextBuffer *buffer,
             const char    *prefix,
             const char    *line,
             const char    *tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (gtk_text_buffer_get_char_count (buffer) > 0)
    gtk_text_buffer_insert (buffer, &end, "\n", 1);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, prefix, -1, "marker", tag, NULL);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, line, -1, tag, NULL);
}

static char *
describe_component (const CfSbomComponent *c)
{
  if (c->version == NULL)
    return g_strdup (c->name);

  return g_strdup_printf ("%s %s", c->name, c->version);
}

static const char *
version_or_dash (const char *version)
{
  return version ? version : "—";
}

/* Long lines wrap under their text, not under the "+ " before it. */
static void
indent_after_prefix (CfSbomCompare *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->text_view));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int prefix = 2 * pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;

  gtk_text_view_set_left_margin (self->text_view, 12 + prefix);
  gtk_text_view_set_indent (self->text_view, -prefix);
  pango_font_metrics_unref (metrics);
}

static void
compare (CfSbomCompare *self)
{
  const CfSbomInfo *older = get_info (self, self->older_dropdown);
  const CfSbomInfo *newer = get_info (self, self->newer_dropdown);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *added_text = NULL;
  g_autofree char *removed_text = NULL;
  g_autofree char *changed_text = NULL;
  g_autofree char *summary = NULL;
  CfSbom *old_sbom;
  CfSbom *new_sbom;
  guint added = 0, removed = 0, changed = 0;

  if (self->filling || older == NULL || newer == NULL)
    return;

  gtk_text_buffer_set_text (buffer, "", 0);

  /* Translators: the product versions two SBOMs describe, older → newer */
  subtitle = g_strdup_printf (_("%s → %s"),
                              older->product_version ? older->product_version : _("No version"),
                              newer->product_version ? newer->product_version : _("No version"));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (older->id == newer->id)
    {
      show_error (self, _("The Same SBOM"), _("Choose two different SBOMs to see what changed."));
      return;
    }

  old_sbom = load (self, older->id, &error);
  new_sbom = old_sbom ? load (self, newer->id, &error) : NULL;
  if (old_sbom == NULL || new_sbom == NULL)
    {
      show_error (self, _("Cannot Compare"), error->message);
      return;
    }

  changes = cf_sbom_diff (old_sbom, new_sbom);
  indent_after_prefix (self);

  /* "+ ", "− " and "~ " say what the colours say. */
  for (guint i = 0; i < changes->len; i++)
    {
      const CfSbomChange *change = g_ptr_array_index (changes, i);

      switch (change->kind)
        {
        case CF_SBOM_CHANGE_ADDED:
          {
            g_autofree char *line = describe_component (change->new_component);

            insert_line (buffer, "+ ", line, "added");
            added++;
          }
          break;

        case CF_SBOM_CHANGE_REMOVED:
          {
            g_autofree char *line = describe_component (change->old_component);

            insert_line (buffer, "− ", line, "removed");
            removed++;
          }
          break;

        case CF_SBOM_CHANGE_VERSION_CHANGED:
          {
            g_autofree char *line = g_strdup_printf ("%s %s → %s", change->new_component->name,
                                                     version_or_dash (change->old_component->version),
                                                     version_or_dash (change->new_component->version));

            insert_line (buffer, "~ ", line, "changed");
            changed++;
          }
          break;

        default:
          break;
        }
    }

  /* Translators: components of the newer SBOM not in the older one */
  added_text = g_strdup_printf (ngettext ("%u added", "%u added", added), added);
  /* Translators: components of the older SBOM not in the newer one */
  removed_text = g_strdup_printf (ngettext ("%u removed", "%u removed", removed), removed);
  /* Translators: components in both SBOMs, in different versions */
  changed_text = g_strdup_printf (ngettext ("%u changed version", "%u changed version", changed), changed);
  /* Translators: "3 added", "1 removed" and "2 changed version" */
  summary = g_strdup_printf (_("%s, %s, %s"), added_text, removed_text, changed_text);
  gtk_label_set_text (self->summary_label, summary);

  gtk_stack_set_visible_child_name (self->stack, changes->len > 0 ? "diff" : "same");
}

static void
selected_cb (CfSbomCompare *self)
{
  compare (self);
}

static void
cf_sbom_compare_dispose (GObject *object)
{
  CfSbomCompare *self = CF_SBOM_COMPARE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->sboms, g_ptr_array_unref);
  g_clear_pointer (&self->loaded, g_hash_table_unref);

  G_OBJECT_CLASS (cf_sbom_compare_parent_class)->dispose (object);
}

static void
cf_sbom_compare_class_init (CfSbomCompareClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_sbom_compare_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-sbom-compare.ui");
  gtk_widget_class_bind_template_child (widget_class, CfSbomCompare, window_title);
  gtk_widget_class_bind_template_child (widget_class, CfSbomCompare, older_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfSbomCompare, newer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfSbomCompare, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CfSbomCompare, stack);
  gtk_widget_class_bind_template_child (widget_class, CfSbomCompare, text_view);
  gtk_widget_class_bind_template_child (widget_class, CfSbomCompare, error_page);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cf_sbom_compare_init (CfSbomCompare *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->loaded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) cf_sbom_free);
  cf_sbom_compare_set_up_drop_down (self->older_dropdown);
  cf_sbom_compare_set_up_drop_down (self->newer_dropdown);

  /* As the document comparison: tints that read in the light and the dark
   * style, and prefixes that say the same without colour. */
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_create_tag (buffer, "added",
                              "paragraph-background-rgba", &(GdkRGBA) { 0.18, 0.76, 0.49, 0.18 },
                              NULL);
  gtk_text_buffer_create_tag (buffer, "removed",
                              "paragraph-background-rgba", &(GdkRGBA) { 0.93, 0.20, 0.23, 0.18 },
                              NULL);
  gtk_text_buffer_create_tag (buffer, "changed",
                              "paragraph-background-rgba", &(GdkRGBA) { 0.21, 0.52, 0.89, 0.15 },
                              NULL);
  gtk_text_buffer_create_tag (buffer, "marker",
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
}

static guint
find_position (GPtrArray *sboms,
               gint64     sbom_id)
{
  for (guint i = 0; i < sboms->len; i++)
    if (((CfSbomInfo *) g_ptr_array_index (sboms, i))->id == sbom_id)
      return i;

  return 0;
}

/**
 * cf_sbom_compare_new:
 * @parent: the window the dialog belongs to
 * @sboms: (element-type CfSbomInfo): the product's SBOMs, newest first;
 *   at least two
 * @older_id: the SBOM compared from
 * @newer_id: the SBOM compared to
 *
 * Returns: (transfer none): the dialog, not yet presented; it destroys
 *   itself when closed
 */
CfSbomCompare *
cf_sbom_compare_new (GtkWindow *parent,
                     CfStore   *store,
                     GPtrArray *sboms,
                     gint64     older_id,
                     gint64     newer_id)
{
  CfSbomCompare *self;
  g_autoptr(GtkStringList) older = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) newer = gtk_string_list_new (NULL);

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (sboms != NULL && sboms->len >= 2, NULL);

  self = g_object_new (CF_TYPE_SBOM_COMPARE,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->sboms = g_ptr_array_ref (sboms);

  for (guint i = 0; i < sboms->len; i++)
    {
      g_autofree char *label = cf_sbom_view_describe (g_ptr_array_index (sboms, i));

      gtk_string_list_append (older, label);
      gtk_string_list_append (newer, label);
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->older_dropdown, G_LIST_MODEL (older));
  gtk_drop_down_set_model (self->newer_dropdown, G_LIST_MODEL (newer));
  gtk_drop_down_set_selected (self->older_dropdown, find_position (sboms, older_id));
  gtk_drop_down_set_selected (self->newer_dropdown, find_position (sboms, newer_id));
  self->filling = FALSE;

  compare (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->text_view));

  return self;
}

void
cf_sbom_compare_set_older (CfSbomCompare *self,
                           guint          position)
{
  g_return_if_fail (CF_IS_SBOM_COMPARE (self));
  g_return_if_fail (position < self->sboms->len);

  gtk_drop_down_set_selected (self->older_dropdown, position);
}

void
cf_sbom_compare_set_newer (CfSbomCompare *self,
                           guint          position)
{
  g_return_if_fail (CF_IS_SBOM_COMPARE (self));
  g_return_if_fail (position < self->sboms->len);

  gtk_drop_down_set_selected (self->newer_dropdown, position);
}

/**
 * cf_sbom_compare_dup_text:
 *
 * Returns: (transfer full): the changes as shown, one per line
 */
char *
cf_sbom_compare_dup_text (CfSbomCompare *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (CF_IS_SBOM_COMPARE (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * cf_sbom_compare_get_summary:
 *
 * Returns: what the dialog says changed: "3 added, 1 removed, 2 changed version"
 */
const char *
cf_sbom_compare_get_summary (CfSbomCompare *self)
{
  g_return_val_if_fail (CF_IS_SBOM_COMPARE (self), NULL);
  return gtk_label_get_text (self->summary_label);
}
