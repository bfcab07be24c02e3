using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Trinn.Web.Shared;

/// <summary>
/// Aksel error summary at the top of a form: every field error, each linking to its field, in the order of the fields.
/// ModelState's own order is how binding, validation and the page happened to add the errors (a value that does not
/// parse before a missing one, a rule checked in the page after both), so the entries are ordered by where each
/// property is declared on the page's model. That is the form's order, since input records declare their properties
/// in the order the form shows them, and it is known here, before the fields below render; the order of the fields
/// in the markup is not, short of buffering the form or reordering in script. Errors for the whole form (key "") come
/// first; keys the page's model does not declare keep their own order after the rest.
/// </summary>
[HtmlTargetElement("trinn-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(HtmlEncoder encoder, IStringLocalizer<SharedResource> t) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var errors = ViewContext.ViewData.ModelState
            .Where(kv => kv.Value is { Errors.Count: > 0 })
            .SelectMany(kv => kv.Value!.Errors.Select(err => (Key: kv.Key, err.ErrorMessage)))
            .OrderBy(e => FormPosition(ViewContext.ViewData.ModelMetadata, e.Key), PositionComparer.Instance)
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "section";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "aksel-error-summary");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-heading");
        output.Attributes.SetAttribute("data-error-summary", "");
        var html = new System.Text.StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"error-summary-heading\" class=\"aksel-error-summary__heading aksel-heading aksel-heading--small\">{encoder.Encode(t["Errors_Heading"])}</h2><ul class=\"aksel-error-summary__list\">");
        foreach (var (key, message) in errors)
        {
            var target = string.IsNullOrEmpty(key) ? "main" : TagBuilder.CreateSanitizedId(key, "_");
            html.Append(CultureInfo.InvariantCulture, $"<li><a class=\"aksel-link\" href=\"#{encoder.Encode(target)}\">{encoder.Encode(message)}</a></li>");
        }

        html.Append("</ul>");
        output.Content.SetHtmlContent(html.ToString());
    }

    /// <summary>
    /// Where the field for a ModelState key sits in the model: the position of each property along the key's path
    /// ("Input.Items[2].Name" gives [Input's place, Items' place, 2, Name's place]), ending in int.MaxValue where the
    /// path leaves what the model declares.
    /// </summary>
    internal static List<int> FormPosition(ModelMetadata? model, string key)
    {
        var position = new List<int>();
        if (string.IsNullOrEmpty(key))
        {
            return position;
        }

        foreach (var segment in key.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            var index = model is null ? -1 : IndexOf(model.Properties, name);
            if (index < 0)
            {
                position.Add(int.MaxValue);
                return position;
            }

            position.Add(index);
            model = model!.Properties[index];
            if (bracket >= 0)
            {
                var end = segment.IndexOf(']', bracket);
                position.Add(end > bracket && int.TryParse(segment.AsSpan(bracket + 1, end - bracket - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var item) ? item : int.MaxValue);
                model = model.ElementMetadata;
            }
        }

        return position;
    }

    private static int IndexOf(ModelPropertyCollection properties, string name)
    {
        for (var i = 0; i < properties.Count; i++)
        {
            if (string.Equals(properties[i].PropertyName, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Compares positions element by element; a shorter path that is a prefix of a longer one comes first.</summary>
    private sealed class PositionComparer : IComparer<List<int>>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(List<int>? x, List<int>? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
            {
                var c = x[i].CompareTo(y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}
