using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Trinn.Web.Shared;

/// <summary>
/// A list's sort order from the query string (<c>?sorter=navn&amp;retning=synkende</c>), sorted on the server. Links
/// keep the list's filters and go back to the first page.
/// </summary>
public sealed record SortOrder(string Key, bool Descending, IQueryCollection Query)
{
    public const string KeyParameter = "sorter";
    public const string DirectionParameter = "retning";
    private const string DescendingValue = "synkende";
    private const string AscendingValue = "stigende";

    /// <summary>The order the request asks for, if it names one of <paramref name="keys"/>; otherwise the default.</summary>
    public static SortOrder From(HttpRequest request, IReadOnlyCollection<string> keys, string defaultKey, bool defaultDescending = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(keys);
        var key = request.Query[KeyParameter].ToString();
        return keys.Contains(key)
            ? new SortOrder(key, request.Query[DirectionParameter] == DescendingValue, request.Query)
            : new SortOrder(defaultKey, defaultDescending, request.Query);
    }

    /// <summary>aria-sort for a column: the current one is ascending or descending, the others none.</summary>
    public string AriaSort(string key) => key != Key ? "none" : Descending ? "descending" : "ascending";

    /// <summary>The link a column header points to: this column ascending, or the other way if it is the current one.</summary>
    public string LinkTo(string key)
    {
        var builder = new QueryBuilder();
        foreach (var (name, values) in Query)
        {
            if (name is not (KeyParameter or DirectionParameter or "side"))
            {
                foreach (var v in values)
                {
                    builder.Add(name, v ?? "");
                }
            }
        }

        builder.Add(KeyParameter, key);
        builder.Add(DirectionParameter, key == Key && !Descending ? DescendingValue : AscendingValue);
        return builder.ToQueryString().Value ?? "";
    }
}

/// <summary>
/// A sortable column header in Aksel's table style: <c>&lt;th trinn-sort="navn" trinn-sort-order="@Model.Sort"&gt;Navn&lt;/th&gt;</c>
/// becomes a header with aria-sort and a link that sorts by the column (no script needed).
/// </summary>
[HtmlTargetElement("th", Attributes = "trinn-sort,trinn-sort-order")]
public sealed class SortHeaderTagHelper : TagHelper
{
    [HtmlAttributeName("trinn-sort")]
    public string Key { get; set; } = "";

    [HtmlAttributeName("trinn-sort-order")]
    public SortOrder? SortOrder { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (SortOrder is null)
        {
            return;
        }

        var content = await output.GetChildContentAsync();
        output.Attributes.SetAttribute("aria-sort", SortOrder.AriaSort(Key));
        output.Content.AppendHtml("<a class=\"trinn-sort\" href=\"")
            .Append(SortOrder.LinkTo(Key))
            .AppendHtml("\">")
            .AppendHtml(content)
            .AppendHtml("</a>");
    }
}
