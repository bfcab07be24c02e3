using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trinn.Web.Features.Research;

/// <summary>
/// Read access to a contract result tree (<c>StatsRequest.Run</c>) by slash paths, e.g.
/// <c>Num("equal_variances_assumed/t")</c>, with the page's number formats. A missing key or JSON null reads as undefined.
/// </summary>
internal sealed class ResultTree(JsonNode? root)
{
    public JsonNode? Root { get; } = root;

    public JsonNode? Node(string path)
    {
        JsonNode? node = Root;
        foreach (string part in path.Split('/'))
        {
            node = node switch
            {
                JsonObject o => o[part],
                JsonArray a when int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out int i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
        }

        return node;
    }

    public ResultTree At(string path) => new(Node(path));

    /// <summary>One key of an object, taken whole (a column name may contain a slash).</summary>
    public ResultTree Key(string key) => new(Root is JsonObject o ? o[key] : null);

    public IReadOnlyList<ResultTree> Items(string path) =>
        Node(path) is JsonArray a ? a.Select(n => new ResultTree(n)).ToList() : [];

    public bool Has(string path) => Node(path) is not null;

    public double? Num(string path) =>
        Node(path) is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? double.Parse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    public string Text(string path) => Node(path) is JsonValue v && v.TryGetValue(out string? s) ? s : StatFormat.Undefined;

    /// <summary>The number with <paramref name="decimals"/> decimals, Norwegian style.</summary>
    public string F(string path, int decimals = 3) => StatFormat.Number(Num(path), decimals);

    public string P(string path) => StatFormat.P(Num(path));

    public string Df(string path) => StatFormat.Df(Num(path));

    public string Count(string path) => StatFormat.Count(Num(path));

    public string Code(string path) => StatFormat.Code(Node(path));
}
