using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Trinn.Web.Shared;

/// <summary>
/// Enums on pages, in one place: the Norwegian label of a value from a resource (key <c>EnumName_Value</c>), the select
/// items of an enum, and a value read from a query string.
/// </summary>
public static class EnumText
{
    /// <summary>The label of <paramref name="value"/>: the resource string <c>EnumName_Value</c>.</summary>
    public static string Name<TEnum>(IStringLocalizer t, TEnum value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[typeof(TEnum).Name + "_" + value];
    }

    /// <summary>Select items for every value of the enum, labelled as <see cref="Name"/>, valued by number; first an empty choice when <paramref name="emptyText"/> is given.</summary>
    public static List<SelectListItem> Items<TEnum>(IStringLocalizer t, string? emptyText = null)
        where TEnum : struct, Enum
    {
        var items = Enum.GetValues<TEnum>()
            .Select(v => new SelectListItem(Name(t, v), Convert.ToInt32(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)))
            .ToList();
        if (emptyText is not null)
        {
            items.Insert(0, new SelectListItem(emptyText, ""));
        }

        return items;
    }

    /// <summary>A value from a query string: its name in any case, or its number; only a defined value counts.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value);
}
