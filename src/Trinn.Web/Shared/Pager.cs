using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;

namespace Trinn.Web.Shared;

/// <summary>Page navigation for long lists; keeps the current filter in the links.</summary>
public sealed record Pager(int PageNumber, int PageSize, int TotalCount, IQueryCollection Query)
{
    public static readonly Pager Empty = new(1, 1, 0, QueryCollection.Empty);

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public int Skip => (Math.Min(PageNumber, PageCount) - 1) * PageSize;

    public string LinkTo(int page)
    {
        var builder = new QueryBuilder();
        foreach (var (key, values) in Query)
        {
            if (!string.Equals(key, "side", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var v in values)
                {
                    builder.Add(key, v ?? "");
                }
            }
        }

        builder.Add("side", page.ToString(CultureInfo.InvariantCulture));
        return builder.ToQueryString().Value ?? "";
    }
}
