using System.Text.RegularExpressions;

namespace Trinn.Web.Tests.Infrastructure;

/// <summary>
/// One form as the server rendered it: where it posts (<see cref="Url"/>), the page's HTML, and the hidden fields of
/// that form only (its own antiforgery token, versions), never another form's on the same page.
/// </summary>
public sealed record HtmlForm(string Url, string Html, IReadOnlyDictionary<string, string> Hidden)
{
    /// <summary>This form's antiforgery token.</summary>
    public string Token => Hidden[Forms.TokenField];
}

/// <summary>
/// The one way web tests read and post forms, as the user does: GET the page, take the form the user clicks (the one
/// that posts to the action named, by default back to the page itself), and post exactly its hidden fields with the
/// fields the test fills in.
/// </summary>
public static partial class Forms
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>
    /// GETs <paramref name="url"/> (which must answer 200) and returns the POST form posting to <paramref name="action"/>
    /// (path and query; the query in any order), or, without an action, the form posting back to the page (no
    /// <c>action</c> attribute, or the page's own URL). Fails when the page has no such form or it has no token.
    /// </summary>
    public static async Task<HtmlForm> GetFormAsync(this HttpClient http, string url, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} gave {(int)response.StatusCode}");
        }

        return Find(html, url, action);
    }

    /// <summary>The form in <paramref name="html"/> (the page at <paramref name="url"/>) that posts to <paramref name="action"/>; see <see cref="GetFormAsync"/>.</summary>
    public static HtmlForm Find(string html, string url, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var target = action ?? url;
        var forms = FormTag().Matches(html).Where(IsPost).ToList();
        var form = forms.FirstOrDefault(m => ActionOf(m) is not { } rendered
                ? action is null || SameAction(url, action)
                : SameAction(rendered, target))
            ?? throw new InvalidOperationException(
                $"GET {url} has no form posting to {target}; its forms post to: {string.Join(", ", forms.Select(f => ActionOf(f) ?? "(the page)"))}.");
        var hidden = new Dictionary<string, string>();
        foreach (Match input in InputTag().Matches(form.Groups["body"].Value))
        {
            var attributes = Attributes(input.Value);
            if (attributes.GetValueOrDefault("type") == "hidden" && attributes.TryGetValue("name", out var name))
            {
                hidden.TryAdd(name, attributes.GetValueOrDefault("value") ?? "");
            }
        }

        if (!hidden.ContainsKey(TokenField))
        {
            throw new InvalidOperationException($"The form posting to {target} on {url} has no antiforgery token of its own.");
        }

        return new HtmlForm(target, html, hidden);
    }

    /// <summary>
    /// Posts the form's hidden fields plus <paramref name="fields"/> (a field the test names replaces the hidden one of
    /// that name; a name may repeat, as a multi-select posts) to the form's URL, or to <paramref name="action"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient http, HtmlForm form, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(fields);
        var given = fields.ToList();
        var values = form.Hidden.Where(h => !given.Exists(f => f.Key == h.Key)).Concat(given).ToList();
        using var content = new FormUrlEncodedContent(values);
        return await http.PostAsync(new Uri(action ?? form.Url, UriKind.Relative), content);
    }

    /// <summary>GETs <paramref name="url"/> and posts its form (the one posting to <paramref name="action"/>, by default the page's own).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient http, string url, IEnumerable<KeyValuePair<string, string>> fields, string? action = null) =>
        await http.PostFormAsync(await http.GetFormAsync(url, action), fields);

    private static bool IsPost(Match form) =>
        Attributes("<form" + form.Groups["open"].Value + ">").TryGetValue("method", out var method)
        && method.Equals("post", StringComparison.OrdinalIgnoreCase);

    private static string? ActionOf(Match form) =>
        Attributes("<form" + form.Groups["open"].Value + ">").TryGetValue("action", out var action) && action.Length > 0 ? action : null;

    private static Dictionary<string, string> Attributes(string tag)
    {
        var attributes = new Dictionary<string, string>();
        foreach (Match a in Attribute().Matches(tag))
        {
            attributes.TryAdd(a.Groups["name"].Value.ToLowerInvariant(), WebUtility.HtmlDecode(a.Groups["value"].Value));
        }

        return attributes;
    }

    /// <summary>
    /// The same page (paths compared as the app routes them: case-insensitive, an <c>Index</c> segment optional) and the
    /// same query values, in any order.
    /// </summary>
    private static bool SameAction(string rendered, string wanted)
    {
        static (string Path, string Query) Split(string url)
        {
            var q = url.IndexOf('?', StringComparison.Ordinal);
            var query = q < 0 ? "" : url[(q + 1)..];
            var path = IndexSegment().Replace(q < 0 ? url : url[..q], "$1").TrimEnd('/');
            return (path, string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).Order(StringComparer.Ordinal)));
        }

        var (renderedPath, renderedQuery) = Split(rendered);
        var (wantedPath, wantedQuery) = Split(wanted);
        return string.Equals(renderedPath, wantedPath, StringComparison.OrdinalIgnoreCase) && renderedQuery == wantedQuery;
    }

    [GeneratedRegex("<form\\b(?<open>[^>]*)>(?<body>.*?)</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex FormTag();

    [GeneratedRegex("/Index(/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex IndexSegment();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("(?<name>[a-zA-Z_:.-]+)\\s*=\\s*\"(?<value>[^\"]*)\"")]
    private static partial Regex Attribute();
}
