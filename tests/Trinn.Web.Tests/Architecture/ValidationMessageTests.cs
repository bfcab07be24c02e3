using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Resources;
using Trinn.Web.Shared;

namespace Trinn.Web.Tests.Architecture;

/// <summary>
/// Every input property that carries a validation attribute names itself in Norwegian: the data annotations
/// localizer reads both the message ("Fyll ut {0}.") and the display name from SharedResource, so a property
/// without a [Display(Name = key)] that resolves there shows its C# name to the user ("Fyll ut Letter.").
/// </summary>
public sealed class ValidationMessageTests
{
    private static readonly ResourceManager Shared = new("Trinn.Web.Resources.Shared.SharedResource", typeof(SharedResource).Assembly);

    [Fact]
    public void InputModels_EveryValidatedProperty_HasANorwegianDisplayName()
    {
        var validated = ValidatedProperties().ToList();
        Assert.True(validated.Count > 50, $"only {validated.Count} validated properties found: the scan itself is broken");

        var offenders = (
            from property in validated
            let key = property.GetCustomAttribute<DisplayAttribute>()?.Name
            let text = key is null ? null : Shared.GetString(key, CultureInfo.InvariantCulture)
            where string.IsNullOrWhiteSpace(text)
            select $"{property.DeclaringType!.FullName}.{property.Name}: " +
                (key is null ? "no [Display(Name = ...)]" : $"\"{key}\" is not in SharedResource.resx")).ToList();

        Assert.True(offenders.Count == 0,
            "Give these a [Display(Name = \"Field_...\")] whose key is in SharedResource.resx:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void InputModels_EveryValidationMessageKey_IsInSharedResource()
    {
        var offenders = (
            from property in ValidatedProperties()
            from attribute in property.GetCustomAttributes<ValidationAttribute>(inherit: true)
            where attribute.ErrorMessage is null || Shared.GetString(attribute.ErrorMessage, CultureInfo.InvariantCulture) is null
            select $"{property.DeclaringType!.FullName}.{property.Name}: [{attribute.GetType().Name}] " +
                (attribute.ErrorMessage is null ? "has no ErrorMessage key (the English default would show)" : $"\"{attribute.ErrorMessage}\" is not in SharedResource.resx")).ToList();

        Assert.True(offenders.Count == 0, "Validation messages that would not be Norwegian:\n" + string.Join('\n', offenders));
    }

    /// <summary>The public properties of Trinn.Web's types that carry a validation attribute.</summary>
    private static IEnumerable<PropertyInfo> ValidatedProperties() =>
        from type in typeof(SharedResource).Assembly.GetTypes()
        // Options classes are validated at start-up; their messages go to the operator's log, not to a form.
        where !type.Name.EndsWith("Options", StringComparison.Ordinal)
        from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        where property.GetCustomAttributes<ValidationAttribute>(inherit: true).Any()
        select property;
}
