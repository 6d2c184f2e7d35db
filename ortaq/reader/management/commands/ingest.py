"""`ortaq ingest FOLDER --workers N`: thousands of press releases into the review queue, resumable."""

from __future__ import annotations

import os

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


class Command(BaseCommand):
    help = ("Читает все .txt файлы папок в очередь проверки. Модели загружаются один раз в каждом процессе; "
            "уже прочитанные тексты пропускаются, поэтому прерванный запуск можно просто повторить.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", help="папки с .txt (или отдельные файлы)")
        parser.add_argument("--workers", type=int, default=max(1, (os.cpu_count() or 2) - 1),
                            help="процессов извлечения (по умолчанию: число ядер − 1)")
        parser.add_argument("--no-progress", action="store_true", help="без индикатора хода")
        parser.add_argument("--queue", action="store_true",
                            help="не читать здесь, а поставить в очередь фоновых задач: --workers задач, "
                                 "их выполнят запущенные `ortaq worker` (на любых машинах)")

    def handle(self, *args, paths: list[str], workers: int, no_progress: bool = False, **options) -> None:
        from ortaq.extraction import ExtractionInputError
        from ortaq.reader.ingest import ingest, quiet_morphology_logs
        from ortaq.reader.models import IngestRun

        quiet_morphology_logs()
        if workers < 1:
            raise CommandError("--workers должно быть не меньше 1")
        if options.get("queue"):
            self._queue(paths, workers)
            return
        run = IngestRun.objects.create(folder=" ".join(paths)[:1000], workers=workers)
        try:
            stats = ingest(paths, workers, progress=not no_progress, run=run, stderr=self.stderr._out)
        except ExtractionInputError as error:
            run.delete()
            raise CommandError(str(error)) from error
        IngestRun.objects.filter(pk=run.pk).update(
            files=stats.files, stored=stats.stored, skipped=stats.skipped, failed=stats.failed,
            interrupted=stats.interrupted, finished_at=timezone.now())
        summary = (f"Файлов: {stats.files}; прочитано: {stats.stored} (предложений: {stats.proposals}); "
                   f"пропущено как уже прочитанные: {stats.skipped}; не прочитано: {stats.failed}; "
                   f"{stats.docs_per_second:.1f} док/с, {workers} процесс(а).")
        if stats.interrupted:
            raise CommandError(f"Прервано. {summary} Запустите ту же команду снова, чтобы продолжить.")
        self.stdout.write(self.style.SUCCESS(summary))
        if stats.failed:
            self.stderr.write(f"Не прочитано файлов: {stats.failed} (причины выше).")

    def _queue(self, paths: list[str], tasks: int) -> None:
        """Stage every text and queue `tasks` reading jobs of about equal size; the workers read them."""
        from pathlib import Path

        from ortaq.jobs import runner
        from ortaq.reader.ingest import text_files
        from ortaq.reader.inputs import InputRefused, from_bytes
        from ortaq.reader.tasks import stage_text

        texts = []
        for name in text_files(paths):
            try:
                item = from_bytes(Path(name).read_bytes(), Path(name).name)
            except InputRefused as error:
                self.stderr.write(f"{name}: {error}")
                continue
            texts.append({"token": stage_text(item.text), "file_name": Path(name).name,
                          "notes": [str(note) for note in item.notes]})
        if not texts:
            raise CommandError("Нет текстов для чтения.")
        for number in range(tasks):
            share = texts[number::tasks]
            if share:
                job = runner.start("reader", texts=share)
                self.stdout.write(f"в очереди: {job.pk} — {len(share)} текст(ов)")
        self.stdout.write(self.style.SUCCESS(f"Текстов в очереди: {len(texts)}; задач: {min(tasks, len(texts))}. "
                                             "Ход: `ortaq jobs` или страница «Фоновые задачи»."))
