using Microsoft.Extensions.Options;
using Qdms.Server.Hosting;

try
{
    // Content root = the build output, so appsettings.json is found wherever QDMS is started from;
    // relative paths in settings (the data directory) stay relative to the working directory.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = ServerArgs.Normalize(args),
        ContentRootPath = AppContext.BaseDirectory,
    });
    builder.AddQdmsServer();

    var app = builder.Build();
    app.UseQdmsPipeline();
    app.MapQdmsEndpoints();

    await app.InitializeQdmsAsync();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is OptionsValidationFailure or OptionsValidationException)
{
    await Console.Error.WriteLineAsync($"qdms: configuration error: {e.Message}");
    return 2;
}

/// <summary>The host's entry point; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
