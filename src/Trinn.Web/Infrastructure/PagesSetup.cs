using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Trinn.Web.Shared.Navigation;

namespace Trinn.Web.Infrastructure;

internal static class PagesSetup
{
    public static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    public static WebApplicationBuilder AddTrinnPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Norwegian);
            o.SupportedCultures = [Norwegian];
            o.SupportedUICultures = [Norwegian];
        });

        builder.Services
            .AddRazorPages(o =>
            {
                // Each feature's own folder and page rules are in its Features/<Area>/<Area>Setup.cs.
                o.RootDirectory = "/Features";
                o.Conventions.AllowAnonymousToPage("/Error");
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add<StorableTextPageFilter>();
                o.ModelBinderProviders.Insert(0, new SaneDateModelBinderProvider());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

        // Layout and shared partials live in /Shared beside the feature folders.
        builder.Services.Configure<RazorViewEngineOptions>(o =>
        {
            o.PageViewLocationFormats.Add("/Shared/{0}" + RazorViewEngine.ViewExtension);
            o.ViewLocationFormats.Add("/Shared/{0}" + RazorViewEngine.ViewExtension);
        });

        builder.Services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            var t = factory.Create(typeof(SharedResource));
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, field) => t["Binding_ValueInvalid", value, field]);
            m.SetValueMustBeANumberAccessor(field => t["Binding_MustBeNumber", field]);
            m.SetValueIsInvalidAccessor(value => t["Binding_ValueInvalidShort", value]);
            m.SetMissingBindRequiredValueAccessor(field => t["Binding_Required", field]);
            m.SetValueMustNotBeNullAccessor(field => t["Binding_Required", field]);
            m.SetMissingKeyOrValueAccessor(() => t["Binding_RequiredShort"]);
            m.SetUnknownValueIsInvalidAccessor(field => t["Binding_ValueInvalidShort", field]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["Binding_ValueInvalidShort", value]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Binding_RequiredShort"]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => t["Binding_MustBeNumberShort"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => t["Binding_RequiredShort"]);
        });
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddSingleton<PagePolicies>();
        builder.Services.AddScoped<PageAccess>();
        return builder;
    }

    /// <summary>For a feature's Setup: every page in the folder (a path under /Features) requires the policy.</summary>
    public static WebApplicationBuilder AuthorizeFolder(this WebApplicationBuilder builder, string folder, string policy)
    {
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder(folder, policy));
        return builder;
    }
}
