"""The MkDocs door: a thin plugin over `generator.pipeline`.

Kept thin on purpose: MkDocs 2.0 drops plugins and mkdocs-material is in
maintenance mode, so everything it does is also reachable without MkDocs
(`guide pages` writes the same pages into a folder).
"""
from __future__ import annotations

import logging
import os
import re
import sys
import types
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from .audience import maintainer_pages, unpublished
from .config import GuideConfig, config_from_mkdocs
from .load.options import check_options
from .load.brand import load_brand
from .render import interface
from .messages import translator
from .diagnostics import CompileError, format_text, has_errors, summary
from .pipeline import Compiled, compile_guide
from .render.pages import search_text
from .site import PageFinish, edition_pages, page_finish, theme_settings
from .urls import Urls

log = logging.getLogger("mkdocs.plugins.decision-guide")
EDITION_BUILD = "DECISION_GUIDE_EDITION_BUILD"
"""Set, to the root edition's language, while one edition is built on behalf of
the whole site (guide build, or the other editions of a plain mkdocs build):
that build builds no others, and knows which edition sits at the root."""
PREVIEW = "DECISION_GUIDE_PREVIEW"
"""Set by `mkdocs serve`: pages go without their Content-Security-Policy."""


def _fail_on_errors(diagnostics) -> None:
    if has_errors(diagnostics):
        print(format_text(diagnostics), file=sys.stderr)
        raise PluginError(f"decision-guide: {summary(diagnostics)}; nothing was built")


_ID = re.compile(r'\sid="([^"]+)"')


def _render_raw_html(page, config, files) -> None:
    """Page.render for our generated pages: each is one raw-HTML block, already
    escaped and sanitised, that Python-Markdown passes through unchanged after
    reading every character of it (half the build time at 10,000 nodes)."""
    page.content = page.markdown.strip()  # as Python-Markdown returns it
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set(_ID.findall(page.markdown))  # for MkDocs' anchor validation


class DecisionGuideOptions(Config):
    # Every option is taken as written and checked by load/options.py, which
    # places a bad value at its line in mkdocs.yml; MkDocs' own check would
    # stop the build first, without the place.
    rules_dir = opt.Type(object, default="rules")
    """Folder of the rules files, relative to mkdocs.yml."""
    sources_dir = opt.Optional(opt.Type(object))
    """Folder of the source articles; `<docs_dir>/sources` by default."""
    pages_dir = opt.Type(object, default="guide")
    """Folder of the generated pages inside the site."""
    languages = opt.Type(object, default=[])
    """Editions to build besides the theme's language (`guide build` builds each)."""
    text_language = opt.Type(object, default="en")
    """Language of the rules' plain strings; other languages are written beside them."""
    steps_in_page = opt.Type(object, default=GuideConfig.steps_in_page)
    """Trees up to this many nodes keep every step in the document (see GuideConfig)."""
    stale_after_years = opt.Type(object, default=GuideConfig.stale_after_years)
    """Outcomes resting only on sources older than this need a caveat (see GuideConfig)."""
    checks = opt.Type(object, default={})
    """Levels of the switchable checks (see generator/check/registry.py)."""
    publish_maintainer_pages = opt.Type(object, default=False)
    """Publish the pages marked `audience: maintainers` (see generator/audience.py)."""


class DecisionGuidePlugin(BasePlugin[DecisionGuideOptions]):
    def __init__(self):
        self.guide_config: GuideConfig | None = None
        self.compiled: Compiled | None = None
        self._finish: PageFinish | None = None
        self._search_trees: dict = {}
        self.command = "build"

    def on_startup(self, command, dirty):
        self.command = command
        if command == "serve":
            os.environ[PREVIEW] = "1"  # seen by the other editions' builds too

    def on_config(self, config):
        root = Path(config.config_file_path).parent.resolve()
        mkdocs_yml = Path(config.config_file_path)
        _fail_on_errors(check_options(mkdocs_yml, GuideConfig(root=root).display(mkdocs_yml)))
        docs_dir = Path(config.docs_dir).resolve()
        # MkDocs has read mkdocs.yml already (site_name resolved for this
        # edition by build.py): the guide's settings are taken from its values.
        seen = {"theme": {"language": config.theme.get("language")}, "docs_dir": str(docs_dir),
                "site_name": config.site_name}
        # Building one edition of several, the theme's language is that
        # edition's; the root one is named by whoever builds them all.
        self.guide_config = config_from_mkdocs(seen, root, dict(self.config),
                                               mkdocs_file=mkdocs_yml.resolve().relative_to(root).as_posix(),
                                               main_language=os.environ.get(EDITION_BUILD))
        brand, problems = load_brand(mkdocs_yml, docs_dir, self.guide_config.display(mkdocs_yml),
                                     self.guide_config.rules_language, self.guide_config.editions)
        _fail_on_errors(problems)
        self._apply_settings(config, theme_settings(brand, self.guide_config.edition, self.guide_config.editions,
                                                    {"extra": config.extra, "extra_css": config.extra_css,
                                                     "extra_javascript": config.extra_javascript}))
        self._finish = page_finish(self.guide_config, brand, config.site_url, policy=not os.environ.get(PREVIEW))
        self._theme_words(config)
        return config

    def _t(self):
        return translator(self.guide_config.edition, self.guide_config.root)

    def _theme_words(self, config) -> None:
        """The theme's words that come from mkdocs.yml, in this edition's language."""
        t = self._t()
        if config.theme.get("palette"):
            config.theme["palette"] = interface.palette(config.theme["palette"], t)
        if "toc" in config.markdown_extensions:
            config.mdx_configs["toc"] = {**config.mdx_configs.get("toc", {}), "permalink_title": t("permalink_title")}

    def on_nav(self, nav, config, files):
        """Sections MkDocs names after our folders ("Embed") take the edition's words."""
        titles = interface.section_titles(self.guide_config.pages_dir, self._t())

        def folder(section):
            for child in section.children or []:
                if getattr(child, "file", None) is not None:
                    return child.file.src_uri.rsplit("/", 1)[0]
                if child.is_section:
                    found = folder(child)
                    if found:
                        return found.rsplit("/", 1)[0]
            return None

        def walk(items):
            for item in items:
                if item.is_section:
                    path = folder(item)
                    if path in titles and item.title == interface.section_title(path):
                        item.title = titles[path]
                    walk(item.children or [])

        walk(nav.items)
        self._readers_first(nav)
        return nav

    def _readers_first(self, nav) -> None:
        """Published maintainers' pages go last in the navigation, and the
        footer's Previous/Next (navigation.footer) chains readers' pages among
        themselves: a reader's "Next" never leads to "Writing rules"."""
        if not self.guide_config.publish_maintainer_pages:
            return  # they are not in the site at all
        theirs = maintainer_pages(self.guide_config)

        def for_maintainers(item) -> bool:
            return getattr(item, "file", None) is not None and item.file.src_uri in theirs

        nav.items.sort(key=for_maintainers)  # stable: each group keeps its order
        pages = [page for page in nav.pages if not for_maintainers(page)]
        pages += [page for page in nav.pages if for_maintainers(page)]
        nav.pages[:] = pages
        readers = [page for page in pages if not for_maintainers(page)]
        for group in (readers, pages[len(readers):]):
            for before, after in zip([None, *group], [*group, None]):
                if before is not None:
                    before.next_page = after
                if after is not None:
                    after.previous_page = before

    def on_post_template(self, output_content, template_name, config):
        if template_name == "404.html":
            # A page of the site like any other (on_post_page never sees it),
            # as Zensical's 404 page is.
            return self._finish(interface.not_found_page(output_content, self._t()))
        return output_content

    @staticmethod
    def _apply_settings(config, settings: dict) -> None:
        """site.py's theme settings, into MkDocs' config as already read.

        `site_name` and `site_description` given per language reach here already
        resolved: MkDocs refuses a mapping there before any plugin runs, so
        `guide build` (build.py) passes each edition its own text."""
        for key, value in settings["theme"].items():
            config.theme[key] = value
        if "copyright" in settings:
            config.copyright = settings["copyright"]
        config.extra.update(settings.get("extra", {}))
        config.extra_css.extend(settings["extra_css"])
        config.extra_javascript.extend(settings["extra_javascript"])

    def on_pre_build(self, config):
        # Runs before MkDocs cleans site_dir: a guide with errors stops here
        # and leaves the previous site exactly as it was.
        try:
            self.compiled = compile_guide(self.guide_config, config.use_directory_urls)
        except CompileError as e:
            _fail_on_errors(e.diagnostics)
        for diagnostic in self.compiled.diagnostics:
            log.warning(format_text([diagnostic], snippets=False))

    def on_files(self, files: Files, config):
        self._edition_pages(files, config)
        # A tree's map is reached from the tree's page; in the navigation it
        # would add a section per tree.
        urls = Urls(self.guide_config.pages_dir, config.use_directory_urls)
        off_nav = {urls.map_file(tree.id) for tree in self.compiled.guide.trees}
        self._search_trees = {urls.tree_file(tree.id): tree for tree in self.compiled.guide.trees}
        for rel, text in self.compiled.pages.items():
            existing = files.get_file_from_path(rel)
            if existing is not None:
                files.remove(existing)
            inclusion = InclusionLevel.NOT_IN_NAV if rel in off_nav else InclusionLevel.UNDEFINED
            files.append(File.generated(config, rel, content=text, inclusion=inclusion))
        for rel, data in self.compiled.files.items():
            files.append(File.generated(config, rel, content=data))
        return files

    def on_pre_page(self, page, config, files):
        if page.file.generated_by and page.file.src_uri in self.compiled.pages:
            page.render = types.MethodType(_render_raw_html, page)
        return page

    # The theme's search plugin indexes page.content in its on_page_context,
    # at the default priority (0). A tree's page is handed to it as its
    # search text (render/pages.py `search_text`) just before (1), and the
    # whole page is back just after (-1), for the theme's template; plugins
    # that run earlier or later in this event see the whole page.
    @event_priority(1)
    def _search_text_in(self, context, page, config, nav):
        tree = self._search_trees.get(page.file.src_uri)
        if tree is not None:
            page._whole_content, page.content = page.content, search_text(self.compiled.guide, tree)
        return context

    @event_priority(-1)
    def _whole_page_back(self, context, page, config, nav):
        whole = page.__dict__.pop("_whole_content", None)
        if whole is not None:
            page.content = whole
        return context

    on_page_context = CombinedEvent(_search_text_in, _whole_page_back)

    def _edition_pages(self, files: Files, config) -> None:
        """The docs folder as this edition publishes it (site.py `edition_pages`)."""
        hidden = unpublished(self.guide_config)
        serves = edition_pages(self.guide_config, self.guide_config.edition, [f.src_uri for f in files], hidden)
        by_path = {f.src_uri: f for f in files}
        for file in list(files):
            if serves.get(file.src_uri) == file.src_uri:
                continue
            if file.src_uri in hidden:
                # A site for readers: excluded, a maintainers' page or a
                # source's text file is in no page, navigation, search index
                # or sitemap, and a link to it is reported as such.
                file.inclusion = InclusionLevel.EXCLUDED
            else:  # a translation, or the page it stands in for
                files.remove(file)
        for rel, source in serves.items():
            if rel != source:
                files.append(File.generated(config, rel, abs_src_path=by_path[source].abs_src_path))

    def on_post_page(self, output: str, page, config):
        return self._finish(output)

    def on_post_build(self, config):
        """`mkdocs build` and `mkdocs serve` build one edition, the root one;
        the others are built here, into `<lang>/` of the same folder, so no
        language-switcher link ever leads to a missing page. `guide build`
        builds each edition itself and says so in the environment."""
        if os.environ.get(EDITION_BUILD) or len(self.guide_config.editions) < 2:
            return
        from .build import BuildFailed, build_other_editions

        os.environ[EDITION_BUILD] = self.guide_config.editions[0]
        try:
            build_other_editions(self.guide_config, Path(config.site_dir))
        except BuildFailed as e:
            raise PluginError(f"decision-guide: an edition failed to build ({e})") from None
        finally:
            del os.environ[EDITION_BUILD]

    def on_serve(self, server, config, builder):
        server.watch(str(self.guide_config.root / self.guide_config.rules_dir))
        server.watch(str(self.guide_config.root / self.guide_config.sources_dir))
        messages = self.guide_config.root / "messages"  # the fork's interface words
        if messages.is_dir():
            server.watch(str(messages))
        return server
