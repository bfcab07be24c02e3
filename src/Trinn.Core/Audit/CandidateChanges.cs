using System.Globalization;

namespace Trinn.Core.Audit;

/// <summary>
/// The PostgreSQL notification that says which candidates a committed change touched. Every change saved through Trinn is
/// audited, and <c>AuditChain.AppendAsync</c>
/// sends it in the same transaction, so it comes from the web app, the CLI and every app instance alike, only when the
/// change commits. App instances listen to it to drop what they keep of those candidates (the candidate API's documents).
/// </summary>
public static class CandidateChanges
{
    /// <summary>The channel name (a constant; never built from input).</summary>
    public const string Channel = "trinn_candidate_changes";

    /// <summary>The payload that means "assume every candidate changed", used when the ids would not fit one notification.</summary>
    public const string All = "*";

    /// <summary>PostgreSQL refuses a payload of 8,000 bytes or more; this leaves room.</summary>
    public const int MaxPayloadLength = 7_000;

    /// <summary>The candidate ids, comma-separated, or <see cref="All"/> when there are too many for one notification.</summary>
    public static string Payload(IEnumerable<int> candidateIds)
    {
        ArgumentNullException.ThrowIfNull(candidateIds);
        var text = string.Join(",", candidateIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return text.Length > MaxPayloadLength ? All : text;
    }

    /// <summary>
    /// The ids in a payload; null for <see cref="All"/> or for anything that is not a list of ids (treated as "all" too,
    /// so a payload Trinn did not write can only cost a reload, never leave stale data).
    /// </summary>
    public static IReadOnlyList<int>? Parse(string payload)
    {
        if (string.IsNullOrEmpty(payload) || payload == All)
        {
            return null;
        }

        var ids = new List<int>();
        foreach (var part in payload.Split(','))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return null;
            }

            ids.Add(id);
        }

        return ids;
    }
}
