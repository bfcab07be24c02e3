using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Trinn.Web.Infrastructure;

/// <summary>
/// Runs the data annotations of an API input model and returns Norwegian field messages keyed by the JSON
/// (camelCase) property name, the same texts the pages show.
/// </summary>
internal static class LocalizedValidation
{
    public static Dictionary<string, string[]> Validate(object input, IStringLocalizer localizer)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var property in input.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(input);
            if (value is string text && !StorableText.IsStorable(text))
            {
                errors[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = [localizer[StorableText.MessageKey].Value];
                continue;
            }

            var display = localizer[property.GetCustomAttribute<DisplayAttribute>()?.Name ?? property.Name].Value;
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (attribute.IsValid(value))
                {
                    continue;
                }

                var template = localizer[attribute.ErrorMessage ?? "Error_Required"].Value;
                object?[] args = attribute switch
                {
                    StringLengthAttribute s => [display, s.MaximumLength, s.MinimumLength],
                    RangeAttribute r => [display, r.Minimum, r.Maximum],
                    _ => [display],
                };
                errors[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = [string.Format(CultureInfo.CurrentCulture, template, args)];
                break;
            }
        }

        return errors;
    }
}
