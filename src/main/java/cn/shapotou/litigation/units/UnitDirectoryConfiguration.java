package cn.shapotou.litigation.units;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/** The directory in force: {@code litigation.units-file=PATH}, or the default {@code units.yaml} (README「单位目录」). */
@Configuration
public class UnitDirectoryConfiguration {

    @Bean
    public UnitDirectory unitDirectory(@Value("${litigation.units-file:}") String unitsFile) {
        return unitDirectoryOrThrow(unitsFile);
    }

    UnitDirectory unitDirectoryOrThrow(String unitsFile) {
        try {
            return load(unitsFile);
        } catch (IOException e) {
            throw new UnitDirectoryException("单位目录无法读取：" + e.getMessage(), e);
        }
    }

    private static UnitDirectory load(String unitsFile) throws IOException {
        if (unitsFile != null && !unitsFile.isBlank()) {
            Path path = Path.of(unitsFile);
            if (!Files.isReadable(path)) {
                throw new UnitDirectoryException("单位目录文件 " + path.toAbsolutePath() + " 不存在或无法读取");
            }
            try (InputStream in = Files.newInputStream(path)) {
                return UnitDirectory.read(path.toString(), in);
            }
        }
        try (InputStream in = new ClassPathResource("units.yaml").getInputStream()) {
            return UnitDirectory.read("units.yaml", in);
        }
    }
}
