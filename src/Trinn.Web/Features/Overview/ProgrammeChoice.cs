using System.Globalization;
using System.Linq.Expressions;
using Trinn.Core.Candidates;

namespace Trinn.Web.Features.Overview;

/// <summary>
/// The dashboard's programme filter from the query string (<c>programme=Ips</c>; the names the candidate API uses,
/// UtvidetOppfolging, Ips or Other, any case, or their numbers). Empty means every programme. A value that names none
/// gives the field and a message key, and no filter.
/// </summary>
public static class ProgrammeChoice
{
    public const string Field = "programme";

    public static (Programme? Programme, string? Error) Parse(string? text)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0)
        {
            return (null, null);
        }

        return EnumText.TryParse<Programme>(text, out var programme)
            ? (programme, null)
            : (null, "Error_Programme");
    }

    /// <summary>The candidates of one programme, or null for every programme.</summary>
    public static Expression<Func<Candidate, bool>>? Filter(Programme? programme) =>
        programme is { } p ? c => c.Programme == p : null;

    /// <summary>The query-string part that keeps the filter in links and exports ("" for every programme).</summary>
    public static string Query(Programme? programme) =>
        programme is { } p ? "&" + Field + "=" + p.ToString() : "";

    /// <summary>The value in exports: the programme's API name, or "alle".</summary>
    public static string ExportValue(Programme? programme) =>
        programme?.ToString() ?? "alle";

    public static string FileNamePart(Programme? programme) =>
        programme is { } p ? "-" + p.ToString().ToLower(CultureInfo.InvariantCulture) : "";
}
