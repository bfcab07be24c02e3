using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Trinn.Web.Shared;

/// <summary>Aksel error summary at the top of a form: every field error, each linking to its field.</summary>
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
}
