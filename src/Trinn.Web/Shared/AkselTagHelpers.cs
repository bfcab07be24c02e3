using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Trinn.Web.Shared;

/// <summary>
/// A candidate's stage as an Aksel Tag: <c>&lt;trinn-stage-tag stage="3" /&gt;</c> shows «Trinn 3»; screen readers
/// also hear the stage's name. <c>full="true"</c> shows the name beside the tag (the candidate page).
/// </summary>
[HtmlTargetElement("trinn-stage-tag", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StageTagTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    public int Stage { get; set; }

    public bool Full { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var number = Stage.ToString(CultureInfo.InvariantCulture);
        var name = t["Stage_" + number].Value;
        var tag = t["Stage_Tag", number].Value;
        var rest = name.StartsWith(tag, StringComparison.Ordinal) ? name[tag.Length..] : " – " + name;
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "trinn-stage");
        output.Attributes.SetAttribute("data-stage", number);
        output.Content.AppendHtml("<span class=\"aksel-tag aksel-tag--small trinn-tag\" data-variant=\"moderate\" data-color=\"info\">")
            .Append(tag)
            .AppendHtml(Full ? "</span><span class=\"trinn-stage__name\">" : "<span class=\"sr-only\">")
            .Append(rest)
            .AppendHtml(Full ? "</span>" : "</span></span>");
    }
}

/// <summary>
/// An Aksel Alert: <c>&lt;trinn-alert variant="warning"&gt;…&lt;/trinn-alert&gt;</c>, with the variant's icon, named for
/// screen readers («Advarsel»). <c>size="small"</c> for a compact box, <c>inline="true"</c> for an alert inside a
/// line of a list or table (icon and text, no box). Other attributes (data-warning, id) are kept.
/// </summary>
[HtmlTargetElement("trinn-alert")]
public sealed class AlertTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    private static readonly string[] Variants = ["warning", "info", "error", "success"];

    public string Variant { get; set; } = "warning";

    public string? Size { get; set; }

    public bool Inline { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!Variants.Contains(Variant))
        {
            throw new InvalidOperationException($"trinn-alert variant must be one of {string.Join(", ", Variants)}, not {Variant}.");
        }

        var content = await output.GetChildContentAsync();
        output.TagName = Inline ? "span" : "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        var classes = "aksel-alert trinn-alert" + (Size == "small" || Inline ? " aksel-alert--small" : "") + (Inline ? " aksel-alert--inline" : "");
        output.Attributes.SetAttribute("class", classes);
        output.Attributes.SetAttribute("data-color", Variant == "error" ? "danger" : Variant);
        output.Content.AppendHtml($"<span class=\"aksel-alert__icon trinn-icon trinn-icon--{Variant}\" role=\"img\" aria-label=\"")
            .Append(t["Alert_" + Variant])
            .AppendHtml(Inline ? "\"></span><span class=\"aksel-body-short\">" : "\"></span><div class=\"aksel-alert__wrapper aksel-body-long\">")
            .AppendHtml(content)
            .AppendHtml(Inline ? "</span>" : "</div>");
    }
}
