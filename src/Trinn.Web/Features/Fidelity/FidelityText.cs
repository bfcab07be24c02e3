using System.Globalization;
using Trinn.Core.Instruments.Fidelity;

namespace Trinn.Web.Features.Fidelity;

/// <summary>Display helpers shared by the fidelity pages (Norwegian number format, round status, band names).</summary>
internal static class FidelityText
{
    private static readonly CultureInfo Nb = CultureInfo.GetCultureInfo("nb-NO");

    public static string Status(IStringLocalizer<FidelityResource> f, DateOnly opensOn, DateOnly closesOn, DateOnly today) =>
        today < opensOn ? f["Status_NotOpen"] : today > closesOn ? f["Status_Closed"] : f["Status_Open"];

    /// <summary>One decimal for means and totals, as in the report's Table 1; "–" for no value.</summary>
    public static string Number(decimal? value) => value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.0", Nb) : "–";

    public static string Number(double? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.00", Nb) : "–";

    public static string Band(string? band) => band is null ? "–" : FidelityBands.DisplayName(band);

    public static string ModeName(IStringLocalizer<FidelityResource> f, FidelityScoringMode mode) =>
        mode == FidelityScoringMode.SeedReplication ? f["Mode_SeedReplication"] : f["Mode_IpsFaithful"];

    public static FidelityScoringMode ParseMode(string? mode) =>
        FidelityScoringModes.TryParse(mode, out var parsed) ? parsed : FidelityScoringMode.IpsFaithful;

    public static string Format(DateOnly date) => NorwegianTime.Format(date);
}
