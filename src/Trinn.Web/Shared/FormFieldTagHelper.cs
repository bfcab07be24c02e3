using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Trinn.Web.Shared;

/// <summary>
/// One labelled form field in NAV's Aksel style: label, optional description, the input, and the field's error
/// message linked with aria-describedby. <c>&lt;trinn-field for="Input.FirstName" kind="text" /&gt;</c>.
/// Kinds: text, textarea, date, number, password (never echoed), select (with <see cref="Items"/>), checkbox.
/// </summary>
[HtmlTargetElement("trinn-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    public string Kind { get; set; } = "text";

    public string? Description { get; set; }

    /// <summary>A label for this use of the field, instead of the property's display name.</summary>
    public string? Label { get; set; }

    public IEnumerable<SelectListItem>? Items { get; set; }

    public string? Autocomplete { get; set; }

    public string? Inputmode { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var error = state?.Errors.FirstOrDefault()?.ErrorMessage;
        var value = state?.AttemptedValue ?? FormatModel(For.Model);
        var label = Label ?? For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? name;
        var describedBy = new List<string>();
        if (Description is not null)
        {
            describedBy.Add(id + "-desc");
        }

        if (error is not null)
        {
            describedBy.Add(id + "-error");
        }

        var e = (string s) => encoder.Encode(s);
        var aria = (describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "")
                   + (error is not null ? " aria-invalid=\"true\"" : "")
                   + (For.Metadata.IsRequired && Kind != "checkbox" ? " aria-required=\"true\"" : "");
        var extra = (Autocomplete is null ? "" : $" autocomplete=\"{e(Autocomplete)}\"")
                    + (Inputmode is null ? "" : $" inputmode=\"{e(Inputmode)}\"");

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        var kindClass = Kind switch { "textarea" => "aksel-textarea", "select" => "aksel-select", "checkbox" => "aksel-checkbox", _ => "aksel-text-field" };
        output.Attributes.SetAttribute("class", $"aksel-form-field {kindClass}" + (error is null ? "" : $" {kindClass}--error"));

        var html = new System.Text.StringBuilder();
        if (Kind == "checkbox")
        {
            var isChecked = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || For.Model is true;
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"aksel-checkbox__input-wrapper\"><input type=\"checkbox\" class=\"aksel-checkbox__input\" id=\"{id}\" name=\"{e(name)}\" value=\"true\"{(isChecked ? " checked" : "")}{aria} />")
                .Append(CultureInfo.InvariantCulture, $"<label class=\"aksel-checkbox__label\" for=\"{id}\"><span class=\"aksel-checkbox__content\"><span class=\"aksel-body-short\">{e(label)}</span></span></label></div>")
                .Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{e(name)}\" value=\"false\" />");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<label for=\"{id}\" class=\"aksel-form-field__label aksel-label\">{e(label)}</label>");
            if (Description is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<div id=\"{id}-desc\" class=\"aksel-form-field__description aksel-body-short\">{e(Description)}</div>");
            }

            var required = For.Metadata.IsRequired ? " required" : "";
            switch (Kind)
            {
                case "textarea":
                    html.Append(CultureInfo.InvariantCulture, $"<div class=\"aksel-textarea__wrapper\"><textarea id=\"{id}\" name=\"{e(name)}\" class=\"aksel-textarea__input aksel-body-short\" rows=\"4\"{required}{aria}>{e(value ?? "")}</textarea></div>");
                    break;
                case "select":
                    html.Append(CultureInfo.InvariantCulture, $"<div class=\"aksel-select__container\"><select id=\"{id}\" name=\"{e(name)}\" class=\"aksel-select__input aksel-body-short\"{required}{aria}>");
                    foreach (var item in Items ?? [])
                    {
                        var selected = string.Equals(item.Value, value, StringComparison.Ordinal) ? " selected" : "";
                        html.Append(CultureInfo.InvariantCulture, $"<option value=\"{e(item.Value)}\"{selected}>{e(item.Text)}</option>");
                    }

                    html.Append("</select></div>");
                    break;
                default:
                    var type = Kind switch { "date" => "date", "number" => "number", "email" => "email", "tel" => "tel", "password" => "password", _ => "text" };
                    // A password is never sent back to the browser, not even after a refused post.
                    var shown = Kind == "password" ? "" : value ?? "";
                    html.Append(CultureInfo.InvariantCulture, $"<input type=\"{type}\" id=\"{id}\" name=\"{e(name)}\" value=\"{e(shown)}\" class=\"aksel-text-field__input aksel-body-short\"{required}{aria}{extra} />");
                    break;
            }
        }

        if (error is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"aksel-form-field__error\" id=\"{id}-error\" aria-live=\"polite\"><p class=\"aksel-error-message aksel-label\">{e(error)}</p></div>");
        }

        output.Content.SetHtmlContent(html.ToString());
    }

    private static string? FormatModel(object? model) => model switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum en => Convert.ToInt32(en, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => model.ToString(),
    };
}
