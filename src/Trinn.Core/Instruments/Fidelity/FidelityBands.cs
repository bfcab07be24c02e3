namespace Trinn.Core.Instruments.Fidelity;

/// <summary>
/// Bands of the modified 19-item scale (seed lines 643–652): 95–85 eksemplarisk, 84–70 godt, 69–44 rimelig,
/// ≤ 43 ikke SE. A total is compared with the lower cut-offs 85, 70 and 44, so a non-integer total between two
/// printed ranges belongs to the lower band (69.5 is rimelig, 84.9 is godt). "≤ 43" is open below, since
/// seed_replication totals can fall under the 19-point floor.
/// </summary>
public static class FidelityBands
{
    public const string Eksemplarisk = "eksemplarisk";
    public const string Godt = "godt";
    public const string Rimelig = "rimelig";
    public const string IkkeSe = "ikke_se";

    /// <summary>The original IPS-25 bands, shown beside the modified ones; they are the modified cut-offs plus 30.</summary>
    public const string OriginalScaleNote =
        "Opprinnelig IPS-25 (25 spørsmål, 25–125 poeng): 115–125 eksemplarisk, 100–114 godt, 74–99 rimelig, ≤ 73 ikke Supported Employment. " +
        "Den modifiserte skalaens grenser er disse minus 30, ikke skalert forholdsmessig.";

    private static readonly int[] ModifiedCutOffs = [85, 70, 44];
    private static readonly int[] OriginalCutOffs = [115, 100, 74];
    private static readonly string[] Names = [Eksemplarisk, Godt, Rimelig, IkkeSe];

    public static string Modified(decimal total) => Names[ModifiedCutOffs.TakeWhile(c => total < c).Count()];

    /// <summary>The original 25-item bands (115 / 100 / 74), for totals on the IPS-25 scale.</summary>
    public static string Original(decimal total) => Names[OriginalCutOffs.TakeWhile(c => total < c).Count()];

    /// <summary>Norwegian display text for a band name.</summary>
    public static string DisplayName(string band) => band switch
    {
        Eksemplarisk => "Eksemplarisk",
        Godt => "Godt",
        Rimelig => "Rimelig",
        IkkeSe => "Ikke Supported Employment",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, null),
    };

    /// <summary>The same cut-offs compared exactly, for totals kept as fractions.</summary>
    internal static string Modified(Fraction total) => Names[ModifiedCutOffs.TakeWhile(c => total < Fraction.Whole(c)).Count()];
}
